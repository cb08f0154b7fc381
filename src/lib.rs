//! crosscheck reads a pile of news articles from many sources and tells a fact-checker what is
//! the same story, what is a copy, and where the sources disagree.
//!
//! Data flows one way:
//!
//! ```text
//! corpus -> text -> fingerprint -> lsh -> cluster          (copies, events, stories)
//! corpus -> claim                                          (quantities, dates, quotes)
//!                both meet at align -> check -> report -> render
//! ```
//!
//! Every stage is a library call; the `crosscheck` binary only parses arguments, calls them and
//! renders the result.
//!
//! ```
//! use crosscheck::{Document, text};
//!
//! let docs = [
//!     Document::new("a", "Macron said 26 countries pledged troops."),
//!     Document::new("b", "“26 countries” pledged troops, Macron said."),
//! ];
//! assert_eq!(text::normalize(&docs[1].text), "26 countries pledged troops macron said");
//! ```
//!
//! Near-duplicate detection on three articles in memory (a wire story, a reprint with a new
//! byline and one word changed, and an unrelated story):
//!
//! ```
//! use crosscheck::{Dedup, Document};
//!
//! let wire = "French President Emmanuel Macron on Thursday said that 26 countries have pledged \
//!     to send military forces to Ukraine under the initiative, in the event of a ceasefire, to \
//!     prevent any new major aggression. The 26 nations are overwhelmingly European, with the \
//!     addition of Canada, Australia and Japan.";
//! let docs = [
//!     Document::new("wire", wire),
//!     Document::new("reprint", format!("By Staff Reporter. {}", wire.replace("said", "asserted"))),
//!     Document::new("weather", "Heavy rain flooded the valley and closed the main road."),
//! ];
//! let result = Dedup::builder().threshold(0.8).build()?.run(&docs);
//! assert_eq!(result.groups().len(), 2); // every document is in exactly one group
//! let copies = &result.groups()[result.group_of(0)];
//! assert_eq!(copies.members, [1, 0]); // "reprint" < "wire": without dates, the smallest id leads
//! assert!(result.similarity(0).unwrap() >= 0.8);
//! # Ok::<(), crosscheck::Error>(())
//! ```

#![warn(missing_docs)]

pub mod align;
pub mod check;
pub mod claim;
pub mod cluster;
pub mod corpus;
pub mod dedup;
pub mod error;
pub mod fingerprint;
pub mod generate;
pub mod lsh;
mod pool;
pub mod report;
pub mod text;
pub mod timings;

pub use corpus::{Corpus, Document, IngestOptions, Meta, Span};
pub use dedup::{Dedup, DedupBuilder, Deduplicated, Method};
pub use error::{Error, ErrorKind, Location, Problem, Result};
