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

use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

pub use context::Context;
pub use quantity::{Qualifier, Quantity, QuantityMention};

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
        }
        m.serialize_entry("context", &self.context)?;
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
        let lx = lex::Lexed::new(text);
        // Dates come first: their spans are excluded from quantities.
        let date_spans: Vec<Span> = Vec::new();
        let mut found: Vec<(Span, Kind, Detail)> = Vec::new();
        if self.kinds.contains(Kind::Quantity) {
            for m in quantity::find_in(&lx, &date_spans, self.tolerance) {
                found.push((m.span, Kind::Quantity, Detail::Quantity(m.quantity)));
            }
        }
        if found.is_empty() {
            return Vec::new();
        }
        found.sort_by_key(|(span, kind, _)| (span.start, *kind, span.end));
        let sentences = Sentences::new(text);
        let mut cache: Vec<(usize, context::SentenceContext)> = Vec::new();
        found
            .into_iter()
            .map(|(span, kind, detail)| {
                let sentence = sentences.around(span);
                let context = if self.context {
                    let idx = sentences.index_of(span.start).unwrap_or(usize::MAX);
                    let pos = match cache.iter().position(|(i, _)| *i == idx) {
                        Some(pos) => pos,
                        None => {
                            cache.push((idx, context::SentenceContext::new(&lx, sentence)));
                            cache.len() - 1
                        }
                    };
                    cache[pos].1.for_claim(span.start)
                } else {
                    Context::default()
                };
                Claim {
                    doc: doc.meta.id.clone(),
                    kind,
                    span,
                    text: span.slice(text).to_string(),
                    sentence,
                    detail,
                    context,
                }
            })
            .collect()
    }
}

/// The claims of `doc` with the default [`Extractor`].
pub fn extract(doc: &Document) -> Vec<Claim> {
    Extractor::new().extract(doc)
}
