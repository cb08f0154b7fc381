//! Claims: the quantities, dates and quotes of a document, with exact byte spans and the context
//! the alignment stage needs.
//!
//! [`extract`] (or an [`Extractor`] for non-default settings) turns a [`Document`] into a list of
//! [`Claim`]s sorted by start offset, then kind. Each claim has its span, its sentence, what it
//! says ([`Detail`]) and its [`Context`] (content words and entities of the sentence, the
//! attributed source, the event verb). Claims are extracted from the text only; the title is not
//! addressed by offsets.
//!
//! ```
//! use crosscheck::claim::{extract, Detail, Kind};
//! use crosscheck::Document;
//!
//! let doc = Document::new("000", "Macron said the force would total around 50,000 soldiers.");
//! let claims = extract(&doc);
//! assert_eq!(claims[0].kind, Kind::Quantity);
//! assert_eq!(claims[0].text, "around 50,000 soldiers");
//! let Detail::Quantity(q) = &claims[0].detail else { unreachable!() };
//! assert_eq!((q.value, q.low, q.high), (Some(50000.0), Some(45000.0), Some(55000.0)));
//! assert_eq!(q.noun.as_deref(), Some("soldiers"));
//! assert_eq!(claims[0].context.source.as_deref(), Some("Macron"));
//! ```
//!
//! # JSON
//!
//! A claim serializes as one flat object: `{"doc", "kind", "text", "start", "end",
//! "sentence": [start, end], "quantity" | "date" | "quote": {...}, "context": {"words",
//! "entities", "source", "verb"}}`; offsets are UTF-8 bytes into the document text, end exclusive.

pub mod context;
pub mod date;
pub(crate) mod lex;
pub mod quantity;
pub mod quote;

use std::cell::OnceCell;
use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

pub use context::Context;
pub use date::{DateMention, Granularity};
pub use quantity::{Qualifier, Quantity, QuantityMention};
pub use quote::QuoteMention;

use crate::corpus::{Document, Span};
use crate::text::sentence::Sentences;

/// The kinds of claims, in their sort order at equal start offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A number with its interval, unit and counted noun.
    Quantity,
    /// A date or a relative date resolved against the publication date.
    Date,
    /// A quotation with its speaker.
    Quote,
}

impl Kind {
    /// All kinds.
    pub const ALL: [Kind; 3] = [Kind::Quantity, Kind::Date, Kind::Quote];

    /// The lowercase name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quantity => "quantity",
            Kind::Date => "date",
            Kind::Quote => "quote",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Kind, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "quantity" | "quantities" => Ok(Kind::Quantity),
            "date" | "dates" => Ok(Kind::Date),
            "quote" | "quotes" => Ok(Kind::Quote),
            other => Err(format!(
                "unknown claim kind `{other}` (expected quantity, date or quote)"
            )),
        }
    }
}

/// What a claim says.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Detail {
    /// A quantity.
    Quantity(Quantity),
    /// A date, with its resolved day range.
    Date(date::DateMention),
    /// A direct quote, with its speaker.
    Quote(quote::QuoteMention),
}

/// A claim: where it is, what it says, and its context.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The document id.
    pub doc: String,
    /// The kind (matches [`Claim::detail`]).
    pub kind: Kind,
    /// Byte span of the claim in the document text.
    pub span: Span,
    /// The spanned text.
    pub text: String,
    /// Byte span of the sentence (or sentences) containing the claim.
    pub sentence: Span,
    /// What it says.
    pub detail: Detail,
    /// The context for alignment.
    pub context: Context,
}

impl Serialize for Claim {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(8))?;
        m.serialize_entry("doc", &self.doc)?;
        m.serialize_entry("kind", &self.kind)?;
        m.serialize_entry("text", &self.text)?;
        m.serialize_entry("start", &self.span.start)?;
        m.serialize_entry("end", &self.span.end)?;
        m.serialize_entry("sentence", &[self.sentence.start, self.sentence.end])?;
        match &self.detail {
            Detail::Quantity(q) => m.serialize_entry("quantity", q)?,
            Detail::Date(d) => m.serialize_entry("date", &DateJson(d))?,
            Detail::Quote(q) => m.serialize_entry("quote", &QuoteJson(q))?,
        }
        m.serialize_entry("context", &self.context)?;
        m.end()
    }
}

/// The `"date"` object of a claim: `{start, end, granularity, relative, year, month, day,
/// weekday}` (the last four as stated in the text, or null), plus `"weekday_mismatch": true`
/// when the stated weekday is not the weekday of `start` (absent otherwise).
struct DateJson<'a>(&'a date::DateMention);

impl Serialize for DateJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let mut m = s.serialize_map(Some(8))?;
        m.serialize_entry("start", &d.start.map(|x| x.to_string()))?;
        m.serialize_entry("end", &d.end.map(|x| x.to_string()))?;
        m.serialize_entry("granularity", &d.granularity)?;
        m.serialize_entry("relative", &d.relative)?;
        m.serialize_entry("year", &d.year)?;
        m.serialize_entry("month", &d.month)?;
        m.serialize_entry("day", &d.day)?;
        m.serialize_entry("weekday", &d.weekday.map(date::weekday_name))?;
        if d.weekday_mismatch {
            m.serialize_entry("weekday_mismatch", &true)?;
        }
        m.end()
    }
}

/// The `"quote"` object of a claim: `{speaker, text, verb, fragment}`.
struct QuoteJson<'a>(&'a quote::QuoteMention);

impl Serialize for QuoteJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let q = self.0;
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("speaker", &q.speaker)?;
        m.serialize_entry("text", &q.text)?;
        m.serialize_entry("verb", &q.verb)?;
        m.serialize_entry("fragment", &q.fragment)?;
        m.end()
    }
}

/// A set of claim kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Kinds(u8);

impl Kinds {
    /// Every kind.
    pub fn all() -> Kinds {
        Kinds(0b111)
    }

    /// No kind.
    pub fn none() -> Kinds {
        Kinds(0)
    }

    /// The set with `kind` added.
    pub fn with(self, kind: Kind) -> Kinds {
        Kinds(self.0 | (1 << kind as u8))
    }

    /// True when the set holds `kind`.
    pub fn contains(self, kind: Kind) -> bool {
        self.0 & (1 << kind as u8) != 0
    }
}

impl FromIterator<Kind> for Kinds {
    fn from_iter<I: IntoIterator<Item = Kind>>(iter: I) -> Kinds {
        iter.into_iter().fold(Kinds::none(), Kinds::with)
    }
}

/// Extracts claims with configured settings.
///
/// ```
/// use crosscheck::claim::{Extractor, Kind};
/// use crosscheck::Document;
///
/// let ex = Extractor::new().kinds([Kind::Quantity]).approx_tolerance(0.2);
/// let claims = ex.extract(&Document::new("a", "About 100 people came."));
/// let crosscheck::claim::Detail::Quantity(q) = &claims[0].detail else { unreachable!() };
/// assert_eq!((q.low, q.high), (Some(80.0), Some(120.0)));
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    kinds: Kinds,
    tolerance: f64,
    context: bool,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the default settings.
    pub fn new() -> Extractor {
        Extractor {
            kinds: Kinds::all(),
            tolerance: quantity::DEFAULT_APPROX_TOLERANCE,
            context: true,
        }
    }

    /// The kinds to extract. By default, all of them.
    pub fn kinds(mut self, kinds: impl IntoIterator<Item = Kind>) -> Extractor {
        self.kinds = kinds.into_iter().collect();
        self
    }

    /// The relative half-width of the interval of an approximate quantity (`around 50,000` is
    /// [45,000, 55,000] at 0.1). Negative or non-finite values are treated as 0. By default, 0.1.
    pub fn approx_tolerance(mut self, tolerance: f64) -> Extractor {
        self.tolerance = if tolerance.is_finite() && tolerance > 0.0 {
            tolerance
        } else {
            0.0
        };
        self
    }

    /// Whether to compute each claim's [`Context`] (content words, entities, source, verb).
    /// Without it, claims carry an empty context. By default, true.
    pub fn context(mut self, yes: bool) -> Extractor {
        self.context = yes;
        self
    }

    /// The claims of `doc`, sorted by start offset, then kind.
    pub fn extract(&self, doc: &Document) -> Vec<Claim> {
        let text = doc.text.as_str();
        let mut claims = Vec::new();
        self.extract_each(doc, |n, p| {
            if claims.capacity() == 0 {
                claims.reserve_exact(n);
            }
            let mut context = match p.context {
                Some(c) => c.get().for_claim(p.span.start),
                None => Context::default(),
            };
            // A quote's source is its speaker, whatever the sentence says.
            if let Detail::Quote(q) = &p.detail {
                if q.speaker.is_some() {
                    context.source.clone_from(&q.speaker);
                }
            }
            claims.push(Claim {
                doc: doc.meta.id.clone(),
                kind: p.kind,
                span: p.span,
                text: p.span.slice(text).to_string(),
                sentence: p.sentence,
                detail: p.detail,
                context,
            });
        });
        claims
    }

    /// Calls `f(n, part)` for each of the `n` claims of `doc`, in [`Extractor::extract`]'s
    /// order, with the sentence context borrowed (no owned word lists are built).
    pub(crate) fn extract_each(&self, doc: &Document, f: impl FnMut(usize, Part<'_, '_>)) {
        // The per-document token buffers are reused across calls on a thread: fewer large
        // allocations (each of which makes the allocator consolidate its free lists).
        let mut scratch = SCRATCH.with(|s| s.take());
        self.extract_in(doc, &mut scratch, f);
        SCRATCH.with(|s| s.replace(scratch));
    }

    fn extract_in(
        &self,
        doc: &Document,
        scratch: &mut Scratch,
        mut f: impl FnMut(usize, Part<'_, '_>),
    ) {
        let text = doc.text.as_str();
        let lx = lex::Lexed::new_in(
            text,
            std::mem::take(&mut scratch.lower),
            std::mem::take(&mut scratch.toks),
        );
        // Dates come first, whatever the kinds: their spans are excluded from quantities ("its
        // 2008 pledge" is a year, not a count).
        let need_dates = self.kinds.contains(Kind::Date) || self.kinds.contains(Kind::Quantity);
        // Quotes need the date tokenizer's tokens of the whole text: with both, tokenize once.
        let mut shared = Scratch::date_toks(std::mem::take(&mut scratch.date_toks));
        let dates = if need_dates && self.kinds.contains(Kind::Quote) {
            date::lex::tokenize(text, &mut shared);
            date::find_dates_in(text, &shared, doc.meta.published)
        } else if need_dates {
            date::find_dates(text, doc.meta.published)
        } else {
            Vec::new()
        };
        let quantities = if self.kinds.contains(Kind::Quantity) {
            // `find_dates` returns its mentions in order without overlaps: sorted by start.
            let date_spans: Vec<Span> = dates.iter().map(|d| d.span).collect();
            quantity::find_in(&lx, &date_spans, self.tolerance)
        } else {
            Vec::new()
        };
        let quotes = if !self.kinds.contains(Kind::Quote) {
            Vec::new()
        } else if need_dates {
            let (quotes, toks) = quote::find_quotes_in(text, shared);
            shared = toks;
            quotes
        } else {
            quote::find_quotes(text)
        };
        let keep_dates = self.kinds.contains(Kind::Date);
        let mut found: Vec<(Span, Kind, Detail)> = Vec::with_capacity(
            quantities.len() + if keep_dates { dates.len() } else { 0 } + quotes.len(),
        );
        for m in quantities {
            found.push((m.span, Kind::Quantity, Detail::Quantity(m.quantity)));
        }
        if keep_dates {
            for d in dates {
                found.push((d.span, Kind::Date, Detail::Date(d)));
            }
        }
        for q in quotes {
            found.push((q.span, Kind::Quote, Detail::Quote(q)));
        }
        scratch.date_toks = Scratch::keep_date_toks(shared);
        if found.is_empty() {
            (scratch.lower, scratch.toks) = lx.into_buffers();
            return;
        }
        found.sort_by_key(|(span, kind, _)| (span.start, *kind, span.end));
        let sentences = Sentences::new(text);
        // Contexts are computed at most once per sentence span that holds a claim (a quote may
        // span several sentences: its key is the whole span), and only when asked for.
        let mut cache: Vec<(Span, OnceCell<context::SentenceContext>)> =
            Vec::with_capacity(found.len());
        let n = found.len();
        for (span, kind, detail) in found {
            let sentence = sentences.around(span);
            let context = if self.context {
                let pos = match cache.iter().rposition(|(s, _)| *s == sentence) {
                    Some(pos) => pos,
                    None => {
                        cache.push((sentence, OnceCell::new()));
                        cache.len() - 1
                    }
                };
                Some((pos, context::LazyContext::new(&lx, sentence, &cache[pos].1)))
            } else {
                None
            };
            f(
                n,
                Part {
                    kind,
                    span,
                    sentence,
                    detail,
                    context_id: context.map_or(usize::MAX, |(pos, _)| pos),
                    context: context.map(|(_, c)| c),
                },
            );
        }
        drop(cache);
        (scratch.lower, scratch.toks) = lx.into_buffers();
    }
}

/// One claim as [`Extractor::extract_each`] hands it over: what [`Claim`] holds, with the
/// sentence context borrowed.
pub(crate) struct Part<'c, 't> {
    /// As in [`Claim::kind`].
    pub(crate) kind: Kind,
    /// As in [`Claim::span`].
    pub(crate) span: Span,
    /// As in [`Claim::sentence`].
    pub(crate) sentence: Span,
    /// As in [`Claim::detail`].
    pub(crate) detail: Detail,
    /// The sentence context (`None` without [`Extractor::context`]), computed on first use;
    /// the claims of one sentence share it.
    pub(crate) context: Option<context::LazyContext<'c, 't>>,
    /// Equal for the claims that share [`Part::context`] within a document.
    pub(crate) context_id: usize,
}

/// Token buffers reused across documents on one thread.
#[derive(Default)]
struct Scratch {
    lower: String,
    toks: Vec<lex::Tok>,
    date_toks: Vec<date::lex::Tok<'static>>,
}

impl Scratch {
    /// The (empty) date token buffer, for tokens borrowing a document's text. Collecting an
    /// empty `Vec` into one of the same layout reuses its allocation.
    fn date_toks<'a>(v: Vec<date::lex::Tok<'static>>) -> Vec<date::lex::Tok<'a>> {
        v.into_iter().filter(|_| false).collect()
    }

    /// The date token buffer emptied, to keep beyond the document's lifetime.
    // `filter` cannot change the item type (its lifetime) as the in-place collect needs.
    #[allow(clippy::unnecessary_filter_map)]
    fn keep_date_toks(v: Vec<date::lex::Tok<'_>>) -> Vec<date::lex::Tok<'static>> {
        v.into_iter().filter_map(|_| None).collect()
    }
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

/// The claims of `doc` with the default [`Extractor`].
pub fn extract(doc: &Document) -> Vec<Claim> {
    Extractor::new().extract(doc)
}

#[cfg(test)]
mod scratch_tests {
    use super::Scratch;

    #[test]
    fn date_token_buffer_keeps_its_memory() {
        let text = String::from("On Jan. 6, 2026 at noon");
        let mut v = Scratch::date_toks(Vec::with_capacity(64));
        crate::claim::date::lex::tokenize(&text, &mut v);
        let kept = Scratch::keep_date_toks(v);
        assert!(kept.is_empty());
        assert!(kept.capacity() >= 64);
        assert!(Scratch::date_toks(kept).capacity() >= 64);
    }
}
