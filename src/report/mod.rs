//! The check report: one findings model, rendered by one module per format.
//!
//! A [`Report`] lists the documents, the events, the [`Discrepancy`]s (ruff-style diagnostics: a
//! code, a severity, a message, the primary claim first and the related claims in the other
//! documents, a word diff, a stable fingerprint) and the [`Agreement`]s (aligned claims with the
//! number of independent sources behind them). Everything is sorted, so the same input gives the
//! same bytes whatever the input order or thread count.
//!
//! Renderers: [`text`] (terminal, optional colour), [`json`] (the versioned schema, see
//! [`SCHEMA_VERSION`]), [`markdown`] (a pull-request comment or desk note). [`Baseline`] stores
//! fingerprints so CI fails only on new findings.
//!
//! ```
//! use crosscheck::report::{Report, Severity};
//!
//! let report = Report::default();
//! assert_eq!(report.schema_version, crosscheck::report::SCHEMA_VERSION);
//! assert_eq!(report.count_failing(Severity::Warning, None), 0);
//! assert!(crosscheck::report::json::render(&report).contains("\"discrepancies\": []"));
//! ```

mod baseline;
pub mod json;
pub mod markdown;
pub mod text;

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::align::{ClaimKind, Level};

pub use baseline::Baseline;

/// Version of the JSON schema. Bumped on any incompatible change.
///
/// Version 1:
///
/// ```text
/// {
///   "schema_version": 1,
///   "documents": [{"id", "title", "source", "published", "group", "event", "story"}],
///   "events": [{"id", "story", "documents": [doc id]}],
///   "discrepancies": [{
///     "code", "kind", "severity", "confidence", "message", "level", "event", "story",
///     "claims": [{"doc", "start", "end", "text", "sentence": [start, end], "context", "value",
///                 "group", "event", "published"}],          // the primary claim first
///     "diff": [{"op": "equal" | "delete" | "insert", "text"}], // primary -> first related claim
///     "alignment": {"score", "reasons": [str]},
///     "fingerprint"                                            // 16 hex digits, xxh3
///   }],
///   "agreements": [{"kind", "level", "event", "story", "value", "sources", "documents",
///                   "claims": [...]}],
///   "skipped": [{"at", "problem"}]
/// }
/// ```
///
/// Offsets are UTF-8 byte offsets into each document's text, end exclusive. `event` is `null`
/// for a story-level finding. `delete` is text only in the primary claim, `insert` only in the
/// related one.
pub const SCHEMA_VERSION: u32 = 1;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; often a rewording or a change over time.
    Info,
    /// Likely a real discrepancy.
    Warning,
    /// A clear contradiction.
    Error,
}

impl Severity {
    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Severity, String> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(format!(
                "unknown severity {s:?} (expected info, warning or error)"
            )),
        }
    }
}

/// An immutable string shared by reference counting: the document id and labels that every
/// claim of a document repeats are one allocation, however many claims show them. It
/// serializes, compares, hashes and prints as the string it holds.
///
/// ```
/// use crosscheck::report::SharedStr;
///
/// let id = SharedStr::from("reuters-17");
/// let copy = id.clone(); // no new allocation
/// assert_eq!(copy, "reuters-17");
/// assert_eq!(copy.as_str().len(), 10);
/// assert_eq!(serde_json::to_string(&copy).unwrap(), "\"reuters-17\"");
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharedStr(std::sync::Arc<str>);

impl SharedStr {
    /// The string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for SharedStr {
    fn default() -> SharedStr {
        SharedStr::from("")
    }
}

impl std::ops::Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> SharedStr {
        SharedStr(s.into())
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> SharedStr {
        SharedStr(s.into())
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// A claim as shown in a report. Its strings are [`SharedStr`]s: the claims of one document
/// share its id, labels and date, the claims of one sentence share its text, and a claim shown
/// in several findings shares its text and value with every copy of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRef {
    /// Document id.
    pub doc: SharedStr,
    /// First byte of the claim in the document text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The claim as written.
    pub text: SharedStr,
    /// The sentence around it, as `[start, end]` byte offsets.
    pub sentence: [usize; 2],
    /// The sentence text (one allocation for the claims of one sentence).
    pub context: SharedStr,
    /// What the claim states, normalized ("≈50,000 soldiers (45,000–55,000)").
    pub value: SharedStr,
    /// Near-duplicate group of the document.
    pub group: SharedStr,
    /// Event of the document.
    pub event: SharedStr,
    /// Publication date of the document, if known.
    pub published: Option<SharedStr>,
}

/// One step of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    /// `equal`, `delete` (only in the primary claim) or `insert` (only in the related one).
    pub op: &'static str,
    /// The words.
    pub text: String,
}

/// Why two claims were aligned.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignmentInfo {
    /// Alignment score in `[0, 1]`.
    pub score: f64,
    /// The evidence.
    pub reasons: Vec<String>,
}

/// A discrepancy between aligned claims.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Discrepancy {
    /// Rule code, e.g. `QTY001`; `crosscheck explain CODE` documents it.
    pub code: &'static str,
    /// Claim kind.
    pub kind: ClaimKind,
    /// Severity.
    pub severity: Severity,
    /// Confidence in `[0, 1]` that the claims are about the same thing.
    pub confidence: f64,
    /// One line.
    pub message: String,
    /// `event` (same event) or `story` (across events of a story).
    pub level: Level,
    /// The event, for an event-level finding.
    pub event: Option<String>,
    /// The story.
    pub story: String,
    /// The primary claim first, then the related claims.
    pub claims: Vec<ClaimRef>,
    /// Word diff from the primary claim to the first related one.
    pub diff: Vec<DiffOp>,
    /// Why the primary claim was aligned with the first related one.
    pub alignment: AlignmentInfo,
    /// Stable id: xxh3 of the code and the (document id, claim text) of every claim, sorted.
    pub fingerprint: String,
}

/// Claims that agree, with the number of independent sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// Claim kind.
    pub kind: ClaimKind,
    /// `event` or `story`.
    pub level: Level,
    /// The event, for an event-level agreement.
    pub event: Option<String>,
    /// The story.
    pub story: String,
    /// What they agree on (the first claim's value).
    pub value: String,
    /// Independent sources: distinct near-duplicate groups.
    pub sources: usize,
    /// Documents.
    pub documents: usize,
    /// The claims, sorted by document and offset.
    pub claims: Vec<ClaimRef>,
}

/// A document in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocEntry {
    /// Id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Near-duplicate group.
    pub group: String,
    /// Event.
    pub event: String,
    /// Story.
    pub story: String,
}

/// An event and its documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventEntry {
    /// Event label.
    pub id: String,
    /// Story label.
    pub story: String,
    /// Document ids, sorted.
    pub documents: Vec<String>,
}

/// A record skipped at ingest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedEntry {
    /// Where.
    pub at: String,
    /// Why.
    pub problem: String,
}

/// The result of `crosscheck check`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Documents, sorted by id.
    pub documents: Vec<DocEntry>,
    /// Events, in the order of their first document id.
    pub events: Vec<EventEntry>,
    /// Discrepancies, sorted (see [`Report::sort`]).
    pub discrepancies: Vec<Discrepancy>,
    /// Agreements, sorted.
    pub agreements: Vec<Agreement>,
    /// Records skipped at ingest.
    pub skipped: Vec<SkippedEntry>,
}

impl Default for Report {
    fn default() -> Report {
        Report {
            schema_version: SCHEMA_VERSION,
            documents: Vec::new(),
            events: Vec::new(),
            discrepancies: Vec::new(),
            agreements: Vec::new(),
            skipped: Vec::new(),
        }
    }
}

/// Compares labels with digit runs as numbers ("e2" < "e10").
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    // The runs of digits and of other characters, compared in step (without collecting them).
    let (mut ca, mut cb) = (Chunks(a), Chunks(b));
    loop {
        match (ca.next(), cb.next()) {
            (Some(x), Some(y)) => {
                let o = match (x, y) {
                    ((true, x), (true, y)) => {
                        let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                        x.len().cmp(&y.len()).then(x.cmp(y))
                    }
                    ((_, x), (_, y)) => x.cmp(y),
                };
                if o != Ordering::Equal {
                    return o;
                }
            }
            // As many runs on both sides, all equal.
            (None, None) => return a.cmp(b),
            // The one with more runs is greater.
            (Some(_), None) => return Ordering::Greater,
            (None, Some(_)) => return Ordering::Less,
        }
    }
}

/// The runs of ASCII digits and of other characters of a string: `(digits, run)`.
struct Chunks<'a>(&'a str);

impl<'a> Iterator for Chunks<'a> {
    type Item = (bool, &'a str);

    fn next(&mut self) -> Option<(bool, &'a str)> {
        let bytes = self.0.as_bytes();
        let digit = bytes.first()?.is_ascii_digit();
        // A digit is one byte, so a change of class is always at a character boundary.
        let end = bytes
            .iter()
            .position(|b| b.is_ascii_digit() != digit)
            .unwrap_or(bytes.len());
        let (run, rest) = self.0.split_at(end);
        self.0 = rest;
        Some((digit, run))
    }
}

/// The rank of each distinct string in natural order ([`natural_cmp`]: equal only for equal
/// strings, so comparing ranks is comparing the strings).
fn natural_ranks<'s>(
    items: impl Iterator<Item = &'s str>,
) -> std::collections::HashMap<&'s str, usize> {
    use rayon::slice::ParallelSliceMut;
    let mut v: Vec<&str> = items.collect();
    v.par_sort_unstable();
    v.dedup();
    v.par_sort_unstable_by(|a, b| natural_cmp(a, b));
    v.into_iter().enumerate().map(|(i, s)| (s, i)).collect()
}

/// Moves the items into the order of `order` (a permutation of their indices).
fn permute<T>(items: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    *items = order
        .iter()
        .map(|&i| slots[i].take().expect("a permutation"))
        .collect();
}

fn first_claim_key(claims: &[ClaimRef]) -> (&str, usize) {
    claims
        .first()
        .map_or(("", 0), |c| (c.doc.as_str(), c.start))
}

impl Report {
    /// Sorts everything: documents by id (natural order: "e2" before "e10"); events by their
    /// first document; discrepancies by level (event first), event, severity (highest first),
    /// code, primary document and offset, fingerprint; agreements by level, event, first document
    /// and offset.
    pub fn sort(&mut self) {
        self.documents.sort_by(|a, b| natural_cmp(&a.id, &b.id));
        for e in &mut self.events {
            e.documents.sort_by(|a, b| natural_cmp(a, b));
        }
        // Events in the order of their first document, so the report reads in input-id order
        // whatever the cluster labels look like.
        self.events.sort_by(|a, b| {
            fn first(e: &EventEntry) -> &str {
                e.documents.first().map_or("", String::as_str)
            }
            natural_cmp(first(a), first(b)).then_with(|| natural_cmp(&a.id, &b.id))
        });
        let (discrepancies, agreements) = self.order();
        permute(&mut self.discrepancies, &discrepancies);
        permute(&mut self.agreements, &agreements);
    }

    /// The sorted order of the discrepancies and of the agreements, as index permutations.
    fn order(&self) -> (Vec<usize>, Vec<usize>) {
        let rank: std::collections::HashMap<&str, usize> = self
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let event_rank = |e: &Option<String>| {
            e.as_deref()
                .and_then(|e| rank.get(e).copied())
                .unwrap_or(usize::MAX)
        };
        // Each item's sort key is computed once (labels and document ids as their ranks in
        // natural order); ties keep the input order, as a stable sort does, so the order is
        // the same for any thread count.
        use rayon::prelude::*;
        let stories = natural_ranks(
            self.discrepancies
                .iter()
                .map(|d| d.story.as_str())
                .chain(self.agreements.iter().map(|a| a.story.as_str())),
        );
        let first_docs = natural_ranks(
            self.discrepancies
                .iter()
                .map(|d| first_claim_key(&d.claims).0)
                .chain(self.agreements.iter().map(|a| first_claim_key(&a.claims).0)),
        );
        let head = |level: Level, event: &Option<String>, story: &str| {
            (level, event_rank(event), stories[story])
        };
        let first = |claims: &[ClaimRef]| {
            let (doc, start) = first_claim_key(claims);
            (first_docs[doc], start)
        };
        let mut keys: Vec<_> = self
            .discrepancies
            .par_iter()
            .enumerate()
            .map(|(i, d)| {
                let key = (
                    head(d.level, &d.event, &d.story),
                    std::cmp::Reverse(d.severity),
                    d.code,
                    first(&d.claims),
                );
                (key, i)
            })
            .collect();
        let items = &self.discrepancies;
        keys.par_sort_unstable_by(|(x, i), (y, j)| {
            x.cmp(y)
                .then_with(|| items[*i].fingerprint.cmp(&items[*j].fingerprint))
                .then(i.cmp(j))
        });
        let discrepancies: Vec<usize> = keys.into_iter().map(|(_, i)| i).collect();
        let mut keys: Vec<_> = self
            .agreements
            .par_iter()
            .enumerate()
            .map(|(i, a)| ((head(a.level, &a.event, &a.story), first(&a.claims)), i))
            .collect();
        let items = &self.agreements;
        keys.par_sort_unstable_by(|(x, i), (y, j)| {
            x.cmp(y)
                .then_with(|| items[*i].value.cmp(&items[*j].value))
                .then(i.cmp(j))
        });
        let agreements: Vec<usize> = keys.into_iter().map(|(_, i)| i).collect();
        (discrepancies, agreements)
    }

    /// Discrepancies at or above `fail_on` that are not in the baseline.
    pub fn failing<'r>(
        &'r self,
        fail_on: Severity,
        baseline: Option<&'r Baseline>,
    ) -> impl Iterator<Item = &'r Discrepancy> + 'r {
        self.discrepancies.iter().filter(move |d| {
            d.severity >= fail_on && !baseline.is_some_and(|b| b.contains(&d.fingerprint))
        })
    }

    /// The number of [`Report::failing`] discrepancies: the exit code is 1 when it is not zero.
    pub fn count_failing(&self, fail_on: Severity, baseline: Option<&Baseline>) -> usize {
        self.failing(fail_on, baseline).count()
    }

    /// Counts by severity: `(error, warning, info)`.
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut c = (0, 0, 0);
        for d in &self.discrepancies {
            match d.severity {
                Severity::Error => c.0 += 1,
                Severity::Warning => c.1 += 1,
                Severity::Info => c.2 += 1,
            }
        }
        c
    }
}

#[cfg(test)]
pub(crate) mod sample;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order() {
        let mut v = vec!["e10", "e2", "e1", "a", "e02"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, ["a", "e1", "e02", "e2", "e10"]);
    }

    /// The implementation before `Chunks` (a `Vec` of runs per string), kept as the reference.
    fn natural_cmp_reference(a: &str, b: &str) -> Ordering {
        fn chunks(s: &str) -> Vec<(bool, &str)> {
            let mut out = Vec::new();
            let mut start = 0;
            let mut digit = None;
            for (i, c) in s.char_indices() {
                let d = c.is_ascii_digit();
                if digit.is_some_and(|x| x != d) {
                    out.push((digit.unwrap_or(false), &s[start..i]));
                    start = i;
                }
                digit = Some(d);
            }
            if start < s.len() {
                out.push((digit.unwrap_or(false), &s[start..]));
            }
            out
        }
        let (ca, cb) = (chunks(a), chunks(b));
        for (x, y) in ca.iter().zip(&cb) {
            let o = match (x, y) {
                ((true, x), (true, y)) => {
                    let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                    x.len().cmp(&y.len()).then(x.cmp(y))
                }
                ((_, x), (_, y)) => x.cmp(y),
            };
            if o != Ordering::Equal {
                return o;
            }
        }
        ca.len().cmp(&cb.len()).then(a.cmp(b))
    }

    proptest::proptest! {
        #[test]
        fn natural_cmp_as_the_reference(a in "[a-c0-2é_]{0,8}", b in "[a-c0-2é_]{0,8}") {
            proptest::prop_assert_eq!(natural_cmp(&a, &b), natural_cmp_reference(&a, &b));
        }
    }

    /// The sort before keys were computed once: stable sorts with these comparators.
    fn sort_reference(r: &mut Report) {
        r.documents.sort_by(|a, b| natural_cmp(&a.id, &b.id));
        for e in &mut r.events {
            e.documents.sort_by(|a, b| natural_cmp(a, b));
        }
        r.events.sort_by(|a, b| {
            let first = |e: &EventEntry| e.documents.first().cloned().unwrap_or_default();
            natural_cmp(&first(a), &first(b)).then_with(|| natural_cmp(&a.id, &b.id))
        });
        let rank: std::collections::HashMap<&str, usize> = r
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let event_rank = |e: &Option<String>| {
            e.as_deref()
                .and_then(|e| rank.get(e).copied())
                .unwrap_or(usize::MAX)
        };
        r.discrepancies.sort_by(|a, b| {
            a.level
                .cmp(&b.level)
                .then_with(|| event_rank(&a.event).cmp(&event_rank(&b.event)))
                .then_with(|| natural_cmp(&a.story, &b.story))
                .then(b.severity.cmp(&a.severity))
                .then(a.code.cmp(b.code))
                .then_with(|| {
                    let (da, sa) = first_claim_key(&a.claims);
                    let (db, sb) = first_claim_key(&b.claims);
                    natural_cmp(da, db).then(sa.cmp(&sb))
                })
                .then_with(|| a.fingerprint.cmp(&b.fingerprint))
        });
        r.agreements.sort_by(|a, b| {
            a.level
                .cmp(&b.level)
                .then_with(|| event_rank(&a.event).cmp(&event_rank(&b.event)))
                .then_with(|| natural_cmp(&a.story, &b.story))
                .then_with(|| {
                    let (da, sa) = first_claim_key(&a.claims);
                    let (db, sb) = first_claim_key(&b.claims);
                    natural_cmp(da, db).then(sa.cmp(&sb))
                })
                .then_with(|| a.value.cmp(&b.value))
        });
    }

    #[test]
    fn sort_as_the_reference() {
        let base = sample::report();
        // Every discrepancy and agreement several times, with labels that order differently
        // as strings and naturally, in several input orders.
        let mut report = base.clone();
        for (k, story) in ["s10", "s2", "s02", ""].iter().enumerate() {
            for d in &base.discrepancies {
                let mut d = d.clone();
                d.story = story.to_string();
                d.message = format!("{k}");
                report.discrepancies.push(d);
            }
            for a in &base.agreements {
                let mut a = a.clone();
                a.story = story.to_string();
                a.claims.truncate(k % 2);
                report.agreements.push(a);
            }
        }
        for round in 0..3 {
            let mut r = report.clone();
            if round == 1 {
                r.discrepancies.reverse();
                r.agreements.reverse();
            } else if round == 2 {
                r.discrepancies.rotate_left(3);
                r.agreements.rotate_left(1);
            }
            let mut expected = r.clone();
            sort_reference(&mut expected);
            r.sort();
            assert_eq!(r, expected);
        }
    }

    #[test]
    fn severity_parse_and_order() {
        assert_eq!("warning".parse::<Severity>(), Ok(Severity::Warning));
        assert!("fatal".parse::<Severity>().is_err());
        assert!(Severity::Error > Severity::Warning && Severity::Warning > Severity::Info);
    }
}
