//! Grouping documents: near-duplicate groups from verified pairs, and event and story clusters.
//!
//! [`UnionFind`] turns pairs into a partition; every grouping in crosscheck is a partition, so
//! every document belongs to exactly one group (singletons too).

mod union_find;

pub use union_find::UnionFind;

mod groups;

pub use groups::{DocKey, Group, GroupId, near_duplicate_groups, representative_order};
