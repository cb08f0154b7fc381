//! The whole pipeline in process: near-duplicate groups ([`crate::dedup`]), events and stories
//! ([`crate::cluster`]), claims ([`crate::claim`]: quantities, dates, quotes), then [`crate::check::check`].
//!
//! This is what `crosscheck check INPUT...` runs. The adapters here turn each stage's output into
//! the check's input: dedup groups and cluster ids into [`Labels`] (copies are kept whole inside
//! events), and claims into [`AlignClaim`]s.
//!
//! ```
//! use crosscheck::check::{pipeline, Config};
//! use crosscheck::Document;
//!
//! let docs = [
//!     Document::new("a", "Macron said on Thursday that 26 countries pledged to send troops to Ukraine after a ceasefire."),
//!     Document::new("b", "French President Macron announced that 26 countries are prepared to send troops to Ukraine."),
//! ];
//! let report = pipeline::run(&docs, &Config::default())?;
//! assert_eq!(report.documents.len(), 2);
//! # Ok::<(), crosscheck::Error>(())
//! ```

use std::sync::Arc;

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use super::{Config, Labels, Timings};
use crate::align::{self, AlignClaim, DateRange, Payload, Quantity, Quote, Words};
use crate::claim::context::{LazyContext, SentenceContext, Verbs};
use crate::claim::{self, Detail};
use crate::cluster::Clusterer;
use crate::corpus::{Document, Skipped};
use crate::dedup::Dedup;
use crate::error::Result;
use crate::pool::Pool;
use crate::report::Report;

/// Runs every stage on `docs` and checks them.
pub fn run(docs: &[Document], config: &Config) -> Result<Report> {
    run_with_skipped(docs, &[], config)
}

/// [`run`], listing records skipped at ingest in the report.
pub fn run_with_skipped(docs: &[Document], skipped: &[Skipped], config: &Config) -> Result<Report> {
    let labels = labels(docs)?;
    let claims = extract_claims_for(docs, &labels);
    Ok(super::check_owned(
        docs,
        &labels,
        claims,
        skipped,
        config,
        &mut Timings::off(),
    ))
}

/// Near-duplicate groups, then events and stories (copies kept whole inside an event).
pub fn labels(docs: &[Document]) -> Result<Labels> {
    labels_timed(docs, &mut Timings::off())
}

/// [`labels`], recording the time of dedup and of clustering in `timings`.
pub fn labels_timed(docs: &[Document], timings: &mut Timings) -> Result<Labels> {
    let t = timings.start();
    let dedup = Dedup::builder().build()?.run(docs);
    let group_index: Vec<usize> = (0..docs.len() as u32).map(|i| dedup.group_of(i)).collect();
    timings.record("dedup", t);
    let t = timings.start();
    let clustering = Clusterer::new().cluster_with_groups(docs, &group_index);
    timings.record("cluster", t);
    Ok(Labels {
        group: group_index
            .iter()
            .map(|&g| dedup.groups()[g].id.to_string())
            .collect(),
        event: (0..docs.len())
            .map(|d| clustering.event_of(d).id.to_string())
            .collect(),
        story: (0..docs.len())
            .map(|d| clustering.story_of(d).id.to_string())
            .collect(),
    })
}

/// The claims of every document (in parallel; the result is in document order).
pub fn extract_claims(docs: &[Document]) -> Vec<AlignClaim> {
    let memos = Pool::new();
    let per_doc = docs
        .par_iter()
        .enumerate()
        .map_init(
            || memos.lease(Memo::default),
            |memo, (i, d)| doc_claims(i as u32, d, memo),
        )
        .collect();
    concat(per_doc)
}

/// The claims of the documents that can be compared with another: those whose story (see
/// [`Labels`]) holds at least one other document. Claims are aligned only inside a story, across
/// documents, so a document alone in its story cannot be part of a finding or an agreement; its
/// claims are not extracted. The result is in document order, as [`extract_claims`]'s.
pub fn extract_claims_for(docs: &[Document], labels: &Labels) -> Vec<AlignClaim> {
    assert_eq!(
        labels.story.len(),
        docs.len(),
        "one story label per document"
    );
    let story = Labels::dense(&labels.story);
    let mut size = vec![0u32; story.iter().map(|&s| s as usize + 1).max().unwrap_or(0)];
    for &s in &story {
        size[s as usize] += 1;
    }
    let memos = Pool::new();
    let per_doc: Vec<Vec<AlignClaim>> = docs
        .par_iter()
        .enumerate()
        .map_init(
            || memos.lease(Memo::default),
            |memo, (i, d)| {
                if size[story[i] as usize] >= 2 {
                    doc_claims(i as u32, d, memo)
                } else {
                    Vec::new()
                }
            },
        )
        .collect();
    concat(per_doc)
}

/// The lists one after the other, moved into one list allocated once.
fn concat(lists: Vec<Vec<AlignClaim>>) -> Vec<AlignClaim> {
    let mut out = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    for l in lists {
        out.extend(l);
    }
    out
}

/// Adapts one claim of the claims stage.
pub fn from_claim(doc: u32, c: &claim::Claim) -> Option<AlignClaim> {
    let mut a = from_claim_bare(doc, c)?;
    a.content_words = normalized(&c.context.words);
    a.entities = normalized(&c.context.entities);
    Some(a)
}

/// [`from_claim`] without the sentence's content words and entities.
fn from_claim_bare(doc: u32, c: &claim::Claim) -> Option<AlignClaim> {
    let payload = payload(c.detail.clone())?;
    let mut a = AlignClaim::new(doc, 0, 0, 0, c.span, c.sentence, c.text.clone(), payload);
    let ctx = &c.context;
    a.speaker = ctx.source.clone();
    a.verb = ctx.verb.as_deref().map(align::context::verb_base);
    Some(a)
}

/// What the alignment compares of a claim's detail; `None` for what it does not compare.
fn payload(detail: Detail) -> Option<Payload> {
    Some(match detail {
        Detail::Quantity(q) => Payload::Quantity(Quantity {
            value: q.value,
            low: q.low,
            high: q.high,
            qualifier: q.qualifier,
            unit: q.unit,
            noun: q.noun,
        }),
        Detail::Date(m) => Payload::Date(date_range(&m)),
        // Scare quotes and one- or two-word fragments are not statements to compare.
        Detail::Quote(q) if q.fragment => return None,
        Detail::Quote(q) => Payload::Quote(Quote::new(q.speaker, q.text)),
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

/// The date payload of a date mention.
fn date_range(m: &claim::DateMention) -> DateRange {
    DateRange {
        start: m.start,
        end: m.end,
        granularity: m.granularity.name().to_string(),
        relative: m.relative,
        // The parts the extractor read: the weekday, and whether nothing else was stated.
        weekday: m.weekday,
        bare_weekday: m.weekday.is_some()
            && m.day.is_none()
            && m.month.is_none()
            && m.year.is_none(),
    }
}

/// The words of `words`, normalized ([`crate::text::normalize`], split at spaces).
fn normalized(words: &[String]) -> Words {
    let mut n = Normalizer::default();
    n.words(words)
}

/// Normalizes context word lists into [`Words`], reusing its buffers from list to list.
#[derive(Default)]
struct Normalizer {
    tokenizer: crate::text::Tokenizer,
    /// The normalized words of the current list, concatenated.
    text: String,
    /// The end of each word in `text`.
    ends: Vec<usize>,
}

impl Normalizer {
    /// The tokens of `text::normalize(w).split(' ')` for each `w` of `words`, as [`Words`].
    fn words<S: AsRef<str>>(&mut self, words: &[S]) -> Words {
        self.text.clear();
        self.ends.clear();
        let (text, ends) = (&mut self.text, &mut self.ends);
        for w in words {
            let w = w.as_ref();
            if w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                // Already one normalized token (the common case: a lowercased word).
                if !w.is_empty() {
                    text.push_str(w);
                    ends.push(text.len());
                }
                continue;
            }
            if w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ') {
                // ASCII letters and digits between spaces (a name): the tokens are the runs
                // between spaces, lowercased.
                for x in w.split(' ').filter(|x| !x.is_empty()) {
                    let start = text.len();
                    text.push_str(x);
                    text[start..].make_ascii_lowercase();
                    ends.push(text.len());
                }
                continue;
            }
            self.tokenizer.for_each(w, |_, t| {
                for x in t.split(' ').filter(|x| !x.is_empty()) {
                    text.push_str(x);
                    ends.push(text.len());
                }
            });
        }
        let mut start = 0;
        let list: Vec<&str> = self
            .ends
            .iter()
            .map(|&end| {
                let w = &self.text[start..end];
                start = end;
                w
            })
            .collect();
        Words::new(&list)
    }
}

/// The claims of one document (dense index `doc`), as [`extract_claims`] adapts them: what the
/// claims stage of `crosscheck check` runs per document, in its order.
pub fn document_claims(doc: u32, d: &Document) -> Vec<AlignClaim> {
    doc_claims(doc, d, &mut Memo::default())
}

/// The word lists of the claims recently adapted by one worker, for the documents after them:
/// news text repeats itself (copies, wire stories, boilerplate; 78% of the sentences of the
/// generator's corpus occur earlier in it), and a repeated sentence gives the same context word
/// lists, a repeated quote the same text.
///
/// What is kept is a pure function of its key (the lists are compared whole, not by hash), so
/// the claims do not depend on what was seen before: the output is the same for any thread
/// count and document order. The [`Words`] found here are shared between the claims that use
/// them. Each table has a fixed number of slots (a key goes to the slot its xxh3 picks and
/// replaces what was there), so the memory it takes does not grow with the corpus.
struct Memo {
    /// What the claims take from their sentence's context, by sentence text (see
    /// [`Memo::sentence`]).
    sentences: Table<Vec<u8>, Arc<Sentence>>,
    /// The sentence being looked up (reused).
    sentence_key: Vec<u8>,
    /// Normalized [`Words`] by raw context word list (see [`Memo::words`]).
    words: Table<Vec<u8>, Words>,
    /// [`align::context::content_words`] by quote text.
    quotes: Table<String, Vec<String>>,
    /// The key being looked up (reused).
    key: Vec<u8>,
    norm: Normalizer,
    /// [`align::context::verb_base`] of the event verbs met (a few dozen lemmas).
    bases: Vec<(&'static str, String)>,
}

impl Default for Memo {
    /// 64 Ki sentence slots: a repeated sentence is found again after tens of thousands of
    /// others (at 16 Ki slots, half the repeats of the generator's 10k corpus were evicted
    /// before they came back). The stored values are shared with the claims, so a slot costs
    /// little more than its key.
    fn default() -> Memo {
        Memo::with_slots(1 << 16, 1 << 14, 1 << 12)
    }
}

/// What the claims of a sentence take from its context: the normalized content words and
/// entities, the source, the verbs.
struct Sentence {
    words: Words,
    entities: Words,
    source: Option<String>,
    verbs: Verbs,
}

impl Sentence {
    /// The sentence part of `ctx`, with its word lists normalized by `memo`.
    fn of(ctx: &SentenceContext<'_>, memo: &mut Memo) -> Sentence {
        Sentence {
            words: memo.words(ctx.words()),
            entities: memo.words(ctx.entities()),
            source: ctx.source().map(str::to_string),
            verbs: ctx.verbs().clone(),
        }
    }
}

/// A direct-mapped table: `(xxh3 of the key, key, value)` in the slot the hash picks.
struct Table<K, V> {
    slots: Vec<Option<(u64, K, V)>>,
    /// The number of slots (a power of two); they are allocated on first use.
    len: usize,
}

impl<K, V> Table<K, V> {
    /// A table of `len` slots (a power of two).
    fn new(len: usize) -> Table<K, V> {
        assert!(len.is_power_of_two());
        Table {
            slots: Vec::new(),
            len,
        }
    }

    /// The slot of hash `h`.
    fn slot(&mut self, h: u64) -> &mut Option<(u64, K, V)> {
        if self.slots.is_empty() {
            self.slots.resize_with(self.len, || None);
        }
        &mut self.slots[(h >> 32) as usize & (self.len - 1)]
    }

    /// The value stored for `key` (whose xxh3 is `h`), if its slot holds it.
    fn get<Q>(&mut self, h: u64, key: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
        Q: PartialEq + ?Sized,
    {
        match self.slot(h) {
            Some((sh, k, v)) if *sh == h && k.borrow() == key => Some(v),
            _ => None,
        }
    }

    /// Stores `value` for `key` (whose xxh3 is `h`) in its slot, replacing what was there (the
    /// old key's memory is reused).
    fn store<Q>(&mut self, h: u64, key: &Q, value: V)
    where
        Q: ToOwned<Owned = K> + ?Sized,
    {
        let slot = self.slot(h);
        match slot {
            Some((sh, k, v)) => {
                *sh = h;
                key.clone_into(k);
                *v = value;
            }
            None => *slot = Some((h, key.to_owned(), value)),
        }
    }
}

impl Memo {
    /// A memo with `sentences`, `words` and `quotes` slots (powers of two).
    fn with_slots(sentences: usize, words: usize, quotes: usize) -> Memo {
        Memo {
            sentences: Table::new(sentences),
            sentence_key: Vec::new(),
            words: Table::new(words),
            quotes: Table::new(quotes),
            key: Vec::new(),
            norm: Normalizer::default(),
            bases: Vec::new(),
        }
    }

    /// [`Sentence::of`] the context, remembered by the sentence's text when the context is a
    /// function of it ([`LazyContext::key`]); the context is computed only when not found.
    fn sentence(&mut self, ctx: LazyContext<'_, '_>) -> Arc<Sentence> {
        let Some((glued, text)) = ctx.key() else {
            return Arc::new(Sentence::of(ctx.get(), self));
        };
        self.sentence_key.clear();
        self.sentence_key.push(u8::from(glued));
        self.sentence_key.extend_from_slice(text.as_bytes());
        let h = xxh3_64(&self.sentence_key);
        if let Some(s) = self.sentences.get(h, &self.sentence_key[..]) {
            return Arc::clone(s);
        }
        let s = Arc::new(Sentence::of(ctx.get(), self));
        self.sentences
            .store(h, &self.sentence_key[..], Arc::clone(&s));
        s
    }

    /// [`align::context::verb_base`] of the lemma `v`, remembered.
    fn verb_base(&mut self, v: &'static str) -> String {
        match self.bases.iter().find(|(k, _)| std::ptr::eq(*k, v)) {
            Some((_, b)) => b.clone(),
            None => {
                let b = align::context::verb_base(v);
                self.bases.push((v, b.clone()));
                b
            }
        }
    }

    /// `norm.words(list)`, remembered.
    fn words(&mut self, list: &[&str]) -> Words {
        if list.is_empty() {
            return Words::default();
        }
        // Each word with its length in front: distinct lists give distinct keys.
        self.key.clear();
        for w in list {
            self.key.extend_from_slice(&(w.len() as u64).to_le_bytes());
            self.key.extend_from_slice(w.as_bytes());
        }
        let h = xxh3_64(&self.key);
        if let Some(w) = self.words.get(h, &self.key[..]) {
            return w.clone();
        }
        let w = self.norm.words(list);
        self.words.store(h, &self.key[..], w.clone());
        w
    }

    /// The payload of `detail` ([`payload`]), with a quote's content words remembered.
    fn payload(&mut self, detail: Detail) -> Option<Payload> {
        let q = match detail {
            Detail::Quote(q) if !q.fragment => q,
            other => return payload(other),
        };
        let h = xxh3_64(q.text.as_bytes());
        let words = match self.quotes.get(h, q.text.as_str()) {
            Some(w) => w.clone(),
            None => {
                let w = align::context::content_words(&q.text);
                self.quotes.store(h, q.text.as_str(), w.clone());
                w
            }
        };
        // As `Quote::new(q.speaker, q.text)`, whose words are `content_words(&text)`.
        Some(Payload::Quote(Quote {
            speaker: q.speaker,
            text: q.text,
            words,
        }))
    }
}

#[inline(never)]
fn doc_claims(doc: u32, d: &Document, memo: &mut Memo) -> Vec<AlignClaim> {
    let text = d.text.as_str();
    let mut out: Vec<AlignClaim> = Vec::new();
    // The claims of one sentence share its context: look it up once per sentence.
    let mut last: Option<(usize, Arc<Sentence>)> = None;
    claim::Extractor::new().extract_each(d, |n, p| {
        if out.capacity() == 0 {
            out.reserve_exact(n);
        }
        let Some(ctx) = p.context else {
            unreachable!("the default extractor computes contexts")
        };
        if matches!(&p.detail, Detail::Quote(q) if q.fragment) {
            // Not compared ([`payload`]): its sentence's context is not needed.
            return;
        }
        let sentence = match &last {
            Some((id, s)) if *id == p.context_id => Arc::clone(s),
            _ => {
                let s = memo.sentence(ctx);
                last = Some((p.context_id, Arc::clone(&s)));
                s
            }
        };
        // A quote's source is its speaker, whatever the sentence says.
        let source = match &p.detail {
            Detail::Quote(q) if q.speaker.is_some() => q.speaker.clone(),
            _ => sentence.source.clone(),
        };
        let Some(payload) = memo.payload(p.detail) else {
            return;
        };
        let mut a = AlignClaim::new(
            doc,
            0,
            0,
            0,
            p.span,
            p.sentence,
            p.span.slice(text),
            payload,
        );
        a.speaker = source;
        a.verb = sentence
            .verbs
            .nearest(p.sentence.start, p.span.start)
            .map(|v| memo.verb_base(v));
        a.content_words = sentence.words.clone();
        a.entities = sentence.entities.clone();
        out.push(a);
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The normalization the fast paths of [`Normalizer::words`] must match: the tokens of
    /// `text::normalize(w).split(' ')`, one word at a time.
    fn reference(words: &[&str]) -> Words {
        let mut out: Vec<String> = Vec::new();
        for w in words {
            crate::text::for_each_token(w, |_, t| {
                out.extend(t.split(' ').filter(|x| !x.is_empty()).map(str::to_string));
            });
        }
        Words::from(out)
    }

    /// The documents of `seeds/`, in file name order.
    fn seed_docs() -> Vec<Document> {
        let mut paths: Vec<_> = std::fs::read_dir("seeds")
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| Document::new("x", std::fs::read_to_string(p).unwrap()))
            .collect()
    }

    /// Claims adapted with lists remembered from other documents (in both orders, and again)
    /// are the claims adapted afresh.
    #[test]
    fn memo_does_not_change_claims() {
        let mut docs = seed_docs();
        // A copy with one sentence changed, and a document repeating one quote.
        let edited = docs[0].text.replacen("the", "THE", 1);
        docs.push(Document::new("y", edited));
        docs.push(Document::new(
            "z",
            "“We will not back down,” Macron said. Scholz said: “We will not back down.”",
        ));
        let fresh: Vec<Vec<AlignClaim>> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| doc_claims(i as u32, d, &mut Memo::default()))
            .collect();
        assert!(fresh.iter().map(Vec::len).sum::<usize>() > 20);
        // Tables of one or two slots too: lists replace each other all the time.
        for (sentences, words, quotes) in [(1 << 16, 1 << 14, 1 << 12), (1, 1, 1), (2, 2, 2)] {
            let mut memo = Memo::with_slots(sentences, words, quotes);
            for order in [false, true, false] {
                for k in 0..docs.len() {
                    let i = if order { docs.len() - 1 - k } else { k };
                    assert_eq!(
                        doc_claims(i as u32, &docs[i], &mut memo),
                        fresh[i],
                        "doc {i}"
                    );
                }
            }
            assert!(memo.words.slots.iter().any(Option::is_some));
            assert!(memo.quotes.slots.iter().any(Option::is_some));
        }
    }

    /// The claims adapted through the memo and borrowed contexts are the plain path's:
    /// [`claim::extract`], then [`from_claim`] (fragments, which are not compared, dropped).
    #[test]
    fn doc_claims_match_the_plain_path() {
        let mut docs = seed_docs();
        // Scare quotes and a partial quote: fragments, skipped before their context.
        docs.push(Document::new(
            "f",
            "The so-called “peace plan” was, he said, “dead”. Peskov said on Friday that 3 \
             “volunteers” had left.",
        ));
        let mut memo = Memo::default();
        let mut fragments = 0;
        for (i, d) in docs.iter().enumerate() {
            let plain: Vec<AlignClaim> = claim::extract(d)
                .iter()
                .filter_map(|c| from_claim(i as u32, c))
                .collect();
            fragments += claim::extract(d)
                .iter()
                .filter(|c| matches!(&c.detail, Detail::Quote(q) if q.fragment))
                .count();
            assert_eq!(doc_claims(i as u32, d, &mut memo), plain, "doc {i}");
        }
        assert!(fragments > 0);
    }

    #[test]
    fn normalizer_matches_the_tokenizer() {
        let lists: &[&[&str]] = &[
            &["troops", "50000", "sent", "troops"],
            &[
                "Keir Starmer",
                "U.S.",
                "Kremlin’s",
                "CEASE-FIRE",
                "50,000",
                "ﬁve",
            ],
            &[
                "", " ", "a  b", " lead", "trail ", "Ça va", "o'brien", "x-ray", "1.5",
            ],
            &[
                "Coalition of the Willing",
                "Bank of England",
                "AT&T",
                "e-mail,",
                "(EU)",
            ],
            &[],
        ];
        let mut n = Normalizer::default();
        for words in lists {
            let got = n.words(words);
            let want = reference(words);
            assert_eq!(got, want, "{words:?}");
            assert_eq!(got.hashes(), want.hashes(), "{words:?}");
        }
    }
}
