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

#![warn(missing_docs)]

pub mod cluster;
pub mod corpus;
pub mod dedup;
pub mod error;
pub mod fingerprint;
pub mod generate;
pub mod lsh;
pub mod text;

pub use corpus::{Corpus, Document, IngestOptions, Meta, Span};
pub use dedup::{Dedup, DedupBuilder, Deduplicated, Method};
pub use error::{Error, ErrorKind, Location, Problem, Result};
