//! Grouping documents: near-duplicate groups from verified pairs, and event and story clusters.
//!
//! [`UnionFind`] turns pairs into a partition; every grouping in crosscheck is a partition, so
//! every document belongs to exactly one group (singletons too).
//!
//! # Events and stories
//!
//! An **event** is one happening (a speech, an attack, a summit, a statement on one day); a
//! **story** is the ongoing subject that several events share over days or weeks. [`Clusterer`]
//! finds both for a slice of [`Document`](crate::Document)s, in memory:
//!
//! ```
//! use crosscheck::Document;
//! use crosscheck::cluster::Clusterer;
//!
//! let docs = [
//!     Document::new("a", "Putin told the Eastern Economic Forum in Vladivostok that foreign \
//!         troops in Ukraine would be legitimate targets; Macron said 26 countries pledged forces."),
//!     Document::new("b", "Speaking in Vladivostok at the Eastern Economic Forum, Putin warned that \
//!         any foreign troops in Ukraine would be legitimate targets after 26 countries pledged."),
//!     Document::new("c", "A magnitude 6.1 earthquake struck central Peru on Tuesday, damaging \
//!         homes in Ayacucho, the geophysical institute said."),
//! ];
//! let clustering = Clusterer::new().cluster(&docs);
//! assert_eq!(clustering.event_of(0).id, clustering.event_of(1).id);
//! assert_ne!(clustering.event_of(0).id, clustering.event_of(2).id);
//! assert_eq!(clustering.events().len(), 2);
//! ```
//!
//! How it works:
//!
//! 1. [`features`]: each article becomes a TF-IDF vector over content words, entities (with
//!    surname folding), numbers and dates, the title counting double.
//! 2. Candidate pairs come from an inverted index over each document's strongest features
//!    (no all-pairs pass) and are verified with the exact cosine.
//! 3. Inside each connected component of the candidate graph, average linkage merges clusters
//!    while the mean cosine over all their cross pairs stays above the threshold, so chains do
//!    not merge unrelated events. Near-duplicate groups enter as whole units
//!    ([`Clusterer::cluster_with_groups`]); events then enter the story level as whole units, so
//!    groups nest in events and events nest in stories.
//! 4. When both articles have a `published` date, pairs further apart than the window
//!    ([`ClusterBuilder::window_days`]) count as dissimilar.
//!
//! Everything is computed in a canonical order (by document id), in parallel with rayon, with
//! ties broken by index: the result does not depend on the input order or the thread count.
//! Cluster ids are seeded xxh3 hashes of the smallest member id.

mod candidates;
mod eval;
mod event;
pub mod features;
mod linkage;
mod union_find;

pub use eval::{BCubed, bcubed};
pub use event::{
    Cluster, ClusterBuilder, ClusterConfig, ClusterId, Clusterer, Clustering, Explanation,
    PairSimilarity, SharedFeature,
};
pub use union_find::UnionFind;
