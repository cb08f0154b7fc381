//! Near-duplicate groups from verified pairs.

use std::cmp::Ordering;
use std::fmt;

use crate::cluster::UnionFind;
use crate::corpus::Date;

/// A stable group id: the xxh3 hash of the representative's id, shown as 16 hex digits.
///
/// It depends only on the representative, so it does not change with the input order, the
/// number of threads, or documents outside the group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GroupId(pub u64);

impl GroupId {
    /// The id of a group whose representative has document id `representative`.
    pub fn of(representative: &str) -> GroupId {
        GroupId(xxhash_rust::xxh3::xxh3_64(representative.as_bytes()))
    }
}

impl fmt::Display for GroupId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// What the grouping needs to know about a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocKey<'a> {
    /// The document id (unique).
    pub id: &'a str,
    /// The publication date, if known.
    pub published: Option<Date>,
}

/// The representative order: earliest `published` first (a missing date sorts after every date),
/// then the smallest id.
pub fn representative_order(a: &DocKey<'_>, b: &DocKey<'_>) -> Ordering {
    let date = match (a.published, b.published) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    date.then_with(|| a.id.cmp(b.id))
}

/// A group of near-duplicate documents (a singleton when the document has no copy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Stable id, from the representative.
    pub id: GroupId,
    /// The members, as indices into the documents: the representative first, then by id.
    pub members: Vec<u32>,
}

impl Group {
    /// The representative: earliest published, then smallest id.
    pub fn representative(&self) -> u32 {
        self.members[0]
    }
}

/// Groups documents by the connected components of `pairs` (indices into `docs`).
///
/// Every document is in exactly one group. Groups are sorted by their representative's id, so
/// the result depends only on the set of documents and pairs, not on their order.
///
/// ```
/// use crosscheck::cluster::{near_duplicate_groups, DocKey};
///
/// let docs = [
///     DocKey { id: "b", published: None },
///     DocKey { id: "c", published: Some("2026-01-02".parse().unwrap()) },
///     DocKey { id: "a", published: None },
/// ];
/// let groups = near_duplicate_groups(&docs, &[(0, 1)]);
/// assert_eq!(groups.len(), 2);
/// assert_eq!(groups[0].members, [2]); // "a", alone
/// assert_eq!(groups[1].members, [1, 0]); // "c" is dated, so it represents "b"
/// ```
pub fn near_duplicate_groups(docs: &[DocKey<'_>], pairs: &[(u32, u32)]) -> Vec<Group> {
    let mut uf = UnionFind::new(docs.len());
    for &(a, b) in pairs {
        uf.union(a as usize, b as usize);
    }
    let mut groups: Vec<Group> = uf
        .sets()
        .into_iter()
        .map(|set| {
            group_of(set.into_iter().map(|i| i as u32).collect(), |i| {
                docs[i as usize]
            })
        })
        .collect();
    groups.sort_unstable_by(|a, b| {
        docs[a.representative() as usize]
            .id
            .cmp(docs[b.representative() as usize].id)
    });
    groups
}

/// The near-duplicate group of `members` (not empty), whose keys `key` gives: the
/// representative (the first by [`representative_order`]) first, then the others by id; the
/// group's id is the representative's. It depends only on the members' keys, not on their
/// order, so every way of finding the same members gives the same group.
pub(crate) fn group_of<'a>(mut members: Vec<u32>, key: impl Fn(u32) -> DocKey<'a>) -> Group {
    let rep = *members
        .iter()
        .min_by(|&&a, &&b| representative_order(&key(a), &key(b)))
        .expect("groups are not empty");
    members.sort_unstable_by(|&a, &b| {
        (a != rep)
            .cmp(&(b != rep))
            .then_with(|| key(a).id.cmp(key(b).id))
    });
    Group {
        id: GroupId::of(key(rep).id),
        members,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undated_sorts_after_dated() {
        let d = |id, p: Option<&str>| DocKey {
            id,
            published: p.map(|s| s.parse().unwrap()),
        };
        assert_eq!(
            representative_order(&d("z", Some("2026-01-01")), &d("a", None)),
            Ordering::Less
        );
        assert_eq!(
            representative_order(&d("z", Some("2026-01-01")), &d("a", Some("2026-01-02"))),
            Ordering::Less
        );
        assert_eq!(
            representative_order(&d("a", None), &d("b", None)),
            Ordering::Less
        );
    }

    #[test]
    fn every_document_in_one_group() {
        let ids: Vec<String> = (0..10).map(|i| format!("d{i}")).collect();
        let docs: Vec<DocKey> = ids
            .iter()
            .map(|id| DocKey {
                id,
                published: None,
            })
            .collect();
        let groups = near_duplicate_groups(&docs, &[(1, 2), (2, 3), (7, 9)]);
        let mut all: Vec<u32> = groups.iter().flat_map(|g| g.members.clone()).collect();
        all.sort_unstable();
        assert_eq!(all, (0..10).collect::<Vec<u32>>());
        assert_eq!(groups.len(), 7);
        assert_eq!(groups[1].members, [1, 2, 3]);
        assert_eq!(groups[1].id, GroupId::of("d1"));
        assert_eq!(GroupId::of("d1").to_string().len(), 16);
    }
}
