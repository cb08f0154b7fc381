//! The consistency check: compare aligned claims, report discrepancies and agreements.
//!
//! [`check`] takes the documents, their labels (near-duplicate group, event, story: see
//! [`Labels`]) and their claims ([`AlignClaim`]), aligns the claims ([`crate::align`]), compares
//! every aligned pair ([`compare`]) and builds the [`Report`]:
//!
//! - a pair that conflicts becomes a [`Discrepancy`] under one of the [`rules`] (QTY001, DATE001,
//!   QUOTE001-003). The *primary* claim is the outlier: the one with fewer independent sources
//!   agreeing with it (ties: the first by document id); the claims it conflicts with are the
//!   related claims. Copies (one near-duplicate group) count as one source, so a copy does not
//!   corroborate its original, but a copy that changed a number is flagged (as an error).
//! - two articles of one event that disagree on two or more aligned claims and agree on none,
//!   or on three or more and agree on fewer, probably describe different events (a clustering
//!   error): their findings are info.
//! - a difference across events of a story is reported at severity info: a figure that changed
//!   between two happenings of a story (or over time) is a lead for the fact-checker, not
//!   necessarily an error, so `--fail-on warning` only fails on differences inside an event.
//! - pairs that agree are joined into [`Agreement`]s with their number of independent sources.
//! - each discrepancy has a fingerprint: xxh3 of its code and the sorted (document id, normalized
//!   claim text) of its claims, independent of input order, offsets and unrelated documents.
//!
//! ```
//! use crosscheck::align::{AlignClaim, Payload, Quantity, Qualifier};
//! use crosscheck::check::{check, Config, Labels};
//! use crosscheck::{Document, Span};
//!
//! let docs = [
//!     Document::new("a", "The force would total around 50,000 soldiers."),
//!     Document::new("b", "The plan is to send fewer than 30,000 European servicemen."),
//! ];
//! let labels = Labels::single_event(&docs);
//! let claim = |doc: u32, text: &str, q| {
//!     let t = &docs[doc as usize].text;
//!     let start = t.find(text).unwrap();
//!     AlignClaim::new(doc, 0, 0, 0, Span::new(start, start + text.len()), Span::new(0, t.len()), text,
//!                     Payload::Quantity(q))
//! };
//! let claims = [
//!     claim(0, "around 50,000 soldiers", Quantity::new(Some(50_000.0), Qualifier::Approx, None, Some("soldiers"))),
//!     claim(1, "fewer than 30,000 European servicemen", Quantity::new(Some(30_000.0), Qualifier::Lt, None, Some("servicemen"))),
//! ];
//! let report = check(&docs, &labels, &claims, &Config::default());
//! assert_eq!(report.discrepancies.len(), 1);
//! assert_eq!(report.discrepancies[0].code, "QTY001");
//! assert_eq!(report.discrepancies[0].claims[1].doc, "b");
//! ```

pub mod compare;
pub mod input;
pub mod pipeline;
pub mod rules;

pub use crate::timings::Timings;

use std::collections::BTreeMap;

use xxhash_rust::xxh3::xxh3_64;

use crate::align::{
    self, AlignClaim, AlignConfig, ClaimKind, Level, NounLexicon, Pair, Payload, Qualifier,
};
use crate::cluster::UnionFind;
use crate::corpus::{Document, Skipped, Span};
use crate::error::{Error, Result};
use crate::report::{
    Agreement, AlignmentInfo, ClaimRef, Discrepancy, DocEntry, EventEntry, Report, Severity,
    SharedStr, SkippedEntry,
};
use crate::text;

use compare::Relation;

/// Settings of the check. Build with `Config::default()` and adjust the fields.
#[derive(Debug, Clone)]
pub struct Config {
    /// Relative tolerance by which quantity intervals are widened before they are compared.
    /// By default, 0.05 (5%).
    pub tolerance: f64,
    /// Relative half-width of an "around N" figure whose extractor gave no bounds. By default,
    /// 0.1 (10%).
    pub approx_tolerance: f64,
    /// Articles published at least this many days apart whose claims differ across events are
    /// reported as a change over time (info). By default, 14.
    pub change_window_days: i64,
    /// Alignment settings (noun lexicon, thresholds). By default, [`AlignConfig::default`].
    pub align: AlignConfig,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            tolerance: 0.05,
            approx_tolerance: 0.1,
            change_window_days: 14,
            align: AlignConfig::default(),
        }
    }
}

impl Config {
    /// Applies a JSON configuration:
    /// `{"tolerance": 0.05, "approx_tolerance": 0.1, "change_window_days": 14,
    ///   "event_threshold": 0.5, "story_threshold": 0.5,
    ///   "noun_classes": {"military personnel": ["sailors"], "ships": ["vessels"]}}`;
    /// every key is optional, and noun classes extend the built-in lexicon.
    ///
    /// ```
    /// let mut config = crosscheck::check::Config::default();
    /// config.apply_json(r#"{"tolerance": 0.1, "noun_classes": {"ships": ["vessels"]}}"#).unwrap();
    /// assert_eq!(config.tolerance, 0.1);
    /// assert!(config.apply_json(r#"{"tolerence": 0.1}"#).is_err());
    /// ```
    pub fn apply_json(&mut self, json: &str) -> Result<()> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct File {
            tolerance: Option<f64>,
            approx_tolerance: Option<f64>,
            change_window_days: Option<i64>,
            event_threshold: Option<f64>,
            story_threshold: Option<f64>,
            noun_classes: Option<serde_json::Value>,
        }
        let f: File = serde_json::from_str(json)
            .map_err(|e| Error::config(format!("invalid check configuration: {e}")))?;
        if let Some(t) = f.tolerance {
            if !(0.0..1.0).contains(&t) {
                return Err(Error::config("tolerance must be in [0, 1)"));
            }
            self.tolerance = t;
        }
        if let Some(t) = f.approx_tolerance {
            self.approx_tolerance = t;
        }
        if let Some(d) = f.change_window_days {
            self.change_window_days = d;
        }
        if let Some(t) = f.event_threshold {
            self.align.event_threshold = t;
        }
        if let Some(t) = f.story_threshold {
            self.align.story_threshold = t;
        }
        if let Some(classes) = f.noun_classes {
            let wrapped = serde_json::json!({ "noun_classes": classes }).to_string();
            self.align.lexicon.extend_from_json(&wrapped)?;
        }
        Ok(())
    }

    /// The noun lexicon in use.
    pub fn lexicon(&self) -> &NounLexicon {
        &self.align.lexicon
    }
}

/// Per-document labels from dedup and clustering, parallel to the documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels {
    /// Near-duplicate group of each document.
    pub group: Vec<String>,
    /// Event of each document.
    pub event: Vec<String>,
    /// Story of each document.
    pub story: Vec<String>,
}

impl Labels {
    /// Every document its own group, all in one event and one story (for tests and for a
    /// hand-picked set of articles about one event).
    pub fn single_event(docs: &[Document]) -> Labels {
        Labels {
            group: docs.iter().map(|d| d.meta.id.clone()).collect(),
            event: vec!["e0".to_string(); docs.len()],
            story: vec!["s0".to_string(); docs.len()],
        }
    }

    /// Fills empty group labels from `groups` (e.g. [`labels_from_dedup`]); returns how many
    /// were filled.
    pub fn fill_groups(&mut self, groups: &[String]) -> usize {
        let mut n = 0;
        for (g, from) in self.group.iter_mut().zip(groups) {
            if g.is_empty() {
                g.clone_from(from);
                n += 1;
            }
        }
        n
    }

    /// True when some document has no group label.
    pub fn has_missing_groups(&self) -> bool {
        self.group.iter().any(String::is_empty)
    }

    /// Each label's rank among the distinct labels in sorted order.
    fn dense(labels: &[String]) -> Vec<u32> {
        use rayon::prelude::*;
        let mut distinct: Vec<&str> = labels.par_iter().map(String::as_str).collect();
        distinct.par_sort_unstable();
        distinct.dedup();
        labels
            .par_iter()
            .map(|l| {
                distinct
                    .binary_search(&l.as_str())
                    .expect("every label is listed") as u32
            })
            .collect()
    }
}

/// Checks claims against each other. See the module docs. Claims' `source_group`, `event` and
/// `story` are taken from `labels` (by `doc`); missing context is filled from the sentence.
pub fn check(docs: &[Document], labels: &Labels, claims: &[AlignClaim], config: &Config) -> Report {
    check_with_skipped(docs, labels, claims, &[], config)
}

/// [`check`], listing records skipped at ingest in the report.
pub fn check_with_skipped(
    docs: &[Document],
    labels: &Labels,
    claims: &[AlignClaim],
    skipped: &[Skipped],
    config: &Config,
) -> Report {
    check_timed(docs, labels, claims, skipped, config, &mut Timings::off())
}

/// [`check_with_skipped`], recording the time of each step in `timings`.
pub fn check_timed(
    docs: &[Document],
    labels: &Labels,
    claims: &[AlignClaim],
    skipped: &[Skipped],
    config: &Config,
    timings: &mut Timings,
) -> Report {
    check_owned(docs, labels, claims.to_vec(), skipped, config, timings)
}

/// [`check_timed`] on claims it may take apart (no copy of them is made).
pub fn check_owned(
    docs: &[Document],
    labels: &Labels,
    claims: Vec<AlignClaim>,
    skipped: &[Skipped],
    config: &Config,
    timings: &mut Timings,
) -> Report {
    use rayon::prelude::*;

    let t = timings.start();
    assert_eq!(
        labels.group.len(),
        docs.len(),
        "one group label per document"
    );
    assert_eq!(
        labels.event.len(),
        docs.len(),
        "one event label per document"
    );
    assert_eq!(
        labels.story.len(),
        docs.len(),
        "one story label per document"
    );
    let (group, event, story) = (
        Labels::dense(&labels.group),
        Labels::dense(&labels.event),
        Labels::dense(&labels.story),
    );
    // The rank of each document's id (equal ids, equal ranks): claims are sorted by it.
    let rank: Vec<u32> = {
        let mut order: Vec<usize> = (0..docs.len()).collect();
        order.par_sort_by(|&x, &y| docs[x].meta.id.cmp(&docs[y].meta.id));
        let mut rank = vec![0u32; docs.len()];
        let mut r = 0u32;
        for (k, &d) in order.iter().enumerate() {
            if k > 0 && docs[order[k - 1]].meta.id != docs[d].meta.id {
                r += 1;
            }
            rank[d] = r;
        }
        rank
    };

    // Canonical claim order: by document id, offset, kind, text; so nothing depends on the
    // order the claims came in.
    let mut claims = claims;
    claims.retain(|c| (c.doc as usize) < docs.len());
    // An indexed map: the claims are written in place, not gathered from per-thread lists.
    let claims: Vec<AlignClaim> = claims
        .into_par_iter()
        .map(|mut c| {
            let d = c.doc as usize;
            c.source_group = group[d];
            c.event = event[d];
            c.story = story[d];
            let text = &docs[d].text;
            let sentence = text.get(c.sentence.start..c.sentence.end).unwrap_or("");
            // Per claim, not per sentence: a sentence holds about one claim, and a claim
            // tokenizes only a window of it; sharing the sentence's tokens measured slower.
            c.with_sentence_text(sentence).with_local_context(text)
        })
        .collect();
    // The keys are built once and sorted with the claims' indices (ties in input order, as a
    // stable sort of the claims would leave them); the claims are moved once, into that order.
    let mut order: Vec<(u32, Span, ClaimKind, u32)> = claims
        .par_iter()
        .enumerate()
        .map(|(i, c)| (rank[c.doc as usize], c.span, c.kind(), i as u32))
        .collect();
    order.par_sort_unstable_by(|x, y| {
        (x.0, x.1, x.2)
            .cmp(&(y.0, y.1, y.2))
            .then_with(|| claims[x.3 as usize].text.cmp(&claims[y.3 as usize].text))
            .then(x.3.cmp(&y.3))
    });
    // In place, cycle by cycle: no second array of claims. Position `k` takes the claim at
    // `order[k]`; the claim it held moves along the cycle.
    let mut claims = claims;
    let mut done = vec![false; order.len()];
    for start in 0..order.len() {
        let mut pos = start;
        while !done[pos] {
            done[pos] = true;
            let next = order[pos].3 as usize;
            if next == start {
                break;
            }
            claims.swap(pos, next);
            pos = next;
        }
    }
    drop(done);
    claims.dedup_by(|a, b| a.doc == b.doc && a.span == b.span && a.kind() == b.kind());

    timings.record("prepare", t);
    let t = timings.start();
    // The reasons of a pair are written only for the pairs a discrepancy shows (below).
    let pairs = align::align_unexplained(&claims, &config.align);
    timings.record("align", t);
    let t = timings.start();
    let builder = Builder::new(docs, labels, &claims, &pairs, config, rank);
    let plan = builder.plan(&pairs);
    let reasons: Vec<Vec<String>> = plan
        .groups
        .par_iter()
        .with_min_len(16)
        .map(|(_, others)| align::explain(&claims, others[0].1, &config.align))
        .collect();
    let Builder {
        published,
        surnames,
        relative_text,
        shared,
        rank,
        ..
    } = builder;
    // The sentence context served the alignment and the reasons; the report does not read it.
    // Freeing it lowers the peak memory of the report building on a large corpus.
    claims.par_iter_mut().for_each(|c| {
        c.content_words = align::Words::default();
        c.entities = align::Words::default();
        c.local_words = align::Words::default();
    });
    let builder = Builder {
        docs,
        labels,
        claims: &claims,
        config,
        surnames,
        relative_text,
        // Only the lead findings are compared again (for their message): their quotes are
        // tokenized then.
        quote_tokens: Vec::new(),
        published,
        shared,
        rank,
    };
    let report = builder.finish(plan, reasons, skipped);
    timings.record("compare", t);
    report
}

struct Builder<'a> {
    docs: &'a [Document],
    labels: &'a Labels,
    claims: &'a [AlignClaim],
    config: &'a Config,
    /// The surname of each quote's speaker ([`align::context::surname`]), computed once per
    /// claim rather than once per compared pair.
    surnames: Vec<Option<String>>,
    /// The normalized text ([`text::normalize`]) of each relative date, computed once per claim
    /// rather than once per compared pair (`None` for other claims).
    relative_text: Vec<Option<String>>,
    /// The words of each quote as the word diff reads them, tokenized once per claim rather than
    /// once per compared pair (`None` for other claims).
    quote_tokens: Vec<Option<compare::DiffTokens>>,
    /// The publication date of each document as written in the report.
    published: Vec<Option<SharedStr>>,
    /// Each document's id, group and event as its claims show them: one allocation per
    /// document, however many claims it has in the report.
    shared: Vec<[SharedStr; 3]>,
    /// The rank of each document's id (equal ids, equal ranks): claims compare by
    /// [`Builder::key`] as by (document id, span), without comparing strings.
    rank: Vec<u32>,
}

/// A conflicting pair seen from its primary claim: the other claim, the pair, the finding.
type Conflict<'p> = (usize, &'p Pair, Finding);

/// The outcome of comparing an aligned pair under the rules.
struct Finding {
    /// The claims `(i, j)` the finding was worked out for (`compare(i, j, ..)`): the message of
    /// a lead finding is written from them.
    from: (usize, usize),
    code: &'static str,
    severity: Severity,
    message: String,
}

/// A discrepancy before its strings are written: (primary claim, level, code) and the
/// conflicts, the lead first.
type Group<'p> = ((usize, Level, &'static str), Vec<Conflict<'p>>);

/// The strings of a claim shown in the report, shared by every [`ClaimRef`] of it.
#[derive(Clone)]
struct ClaimStrings {
    text: SharedStr,
    context: SharedStr,
    value: SharedStr,
}

/// [`ClaimStrings`] of the claims a report shows: `strings[slot[i]]` for claim `i`.
struct ShownStrings {
    slot: Vec<u32>,
    strings: Vec<ClaimStrings>,
}

/// What [`Builder::plan`] decided.
struct Plan<'p> {
    /// The pairs that agree, in pair order.
    agree_pairs: Vec<&'p Pair>,
    /// Component label of each claim among the agreeing pairs.
    component: Vec<u32>,
    /// Per pair of documents: (agreements, conflicts).
    by_docs: DocPairCounts,
    /// The discrepancies, in group order.
    groups: Vec<Group<'p>>,
}

impl<'a> Builder<'a> {
    fn new(
        docs: &'a [Document],
        labels: &'a Labels,
        claims: &'a [AlignClaim],
        pairs: &[Pair],
        config: &'a Config,
        rank: Vec<u32>,
    ) -> Builder<'a> {
        use rayon::prelude::*;
        let surnames = claims
            .par_iter()
            .map(|c| match &c.payload {
                Payload::Quote(q) => q.speaker.as_deref().and_then(align::context::surname),
                _ => None,
            })
            .collect();
        let relative_text = claims
            .par_iter()
            .map(|c| match &c.payload {
                Payload::Date(d) if d.relative => Some(text::normalize(&c.text)),
                _ => None,
            })
            .collect();
        // The quotes that will be diffed: those of a pair whose words differ.
        let mut diffed = vec![false; claims.len()];
        for p in pairs {
            if let (Payload::Quote(x), Payload::Quote(y)) =
                (&claims[p.a].payload, &claims[p.b].payload)
            {
                if x.text != y.text {
                    diffed[p.a] = true;
                    diffed[p.b] = true;
                }
            }
        }
        let quote_tokens = claims
            .par_iter()
            .zip(diffed)
            .map(|(c, diffed)| match &c.payload {
                Payload::Quote(q) if diffed => Some(compare::DiffTokens::new(&q.text)),
                _ => None,
            })
            .collect();
        let published = docs
            .par_iter()
            .map(|d| d.meta.published.map(|p| SharedStr::from(p.to_string())))
            .collect();
        let shared = docs
            .par_iter()
            .enumerate()
            .map(|(d, doc)| {
                [
                    SharedStr::from(doc.meta.id.as_str()),
                    SharedStr::from(labels.group[d].as_str()),
                    SharedStr::from(labels.event[d].as_str()),
                ]
            })
            .collect();
        Builder {
            docs,
            labels,
            claims,
            config,
            surnames,
            relative_text,
            quote_tokens,
            published,
            shared,
            rank,
        }
    }

    /// Claim `i`'s (document id, span) order as integers: the rank of its document's id, its span.
    fn key(&self, i: usize) -> (u32, Span) {
        let c = &self.claims[i];
        (self.rank[c.doc as usize], c.span)
    }

    fn sentence(&self, c: &AlignClaim) -> &str {
        let text = &self.docs[c.doc as usize].text;
        text.get(c.sentence.start..c.sentence.end).unwrap_or("")
    }

    /// True when quote `a` is confidently attributed to `x` and quote `b` to `y`, two other
    /// people: each speaker is a full name (two or more capitalized words) whose surname the
    /// quote's own sentence states (a direct attribution, not a resolution from a pronoun or an
    /// earlier paragraph), and neither sentence names the other's speaker ("said Central Bank of
    /// Ireland Governor Jun Mizrahi" resolved once to "Central Bank", once to "Jun Mizrahi").
    fn different_speakers(&self, a: &AlignClaim, x: &str, b: &AlignClaim, y: &str) -> bool {
        let surname = |speaker: &str| -> Option<String> {
            let names: Vec<&str> = speaker
                .split_whitespace()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .collect();
            (names.len() >= 2).then(|| names[names.len() - 1].to_string())
        };
        let (Some(sx), Some(sy)) = (surname(x), surname(y)) else {
            return false;
        };
        let (ta, tb) = (self.sentence(a), self.sentence(b));
        contains_word(ta, &sx)
            && contains_word(tb, &sy)
            && !contains_word(ta, &sy)
            && !contains_word(tb, &sx)
    }

    fn is_vague(c: &AlignClaim) -> bool {
        matches!(&c.payload, Payload::Quantity(q) if q.qualifier == Qualifier::Vague)
    }

    /// Compares a pair: `Ok(agree)` or `Err(finding)`; `Ok(false)` for incomparable pairs.
    /// The message of a finding is written only when `message` is set (it is left empty
    /// otherwise): most findings are not the one a discrepancy's message describes.
    fn compare(
        &self,
        i: usize,
        j: usize,
        p: &Pair,
        message: bool,
    ) -> std::result::Result<bool, Finding> {
        let text = |f: &dyn Fn() -> String| if message { f() } else { String::new() };
        let (a, b) = (&self.claims[i], &self.claims[j]);
        let cfg = self.config;
        let story_vague = p.level == Level::Story && (Self::is_vague(a) || Self::is_vague(b));
        match (&a.payload, &b.payload) {
            (Payload::Quantity(qa), Payload::Quantity(qb)) => {
                // A copy reproduces its figures: any changed number in it is a change, even
                // one a rounding or an "at least" could explain between independent sources.
                let copy_changed = a.source_group == b.source_group
                    && qa.value.is_some()
                    && qb.value.is_some()
                    && qa.value != qb.value;
                let relation = if copy_changed {
                    Relation::Conflicting
                } else {
                    compare::compare_quantities(qa, qb, cfg.tolerance, cfg.approx_tolerance)
                };
                match relation {
                    Relation::Equal => Ok(true),
                    Relation::Compatible => Ok(!story_vague),
                    Relation::Unknown => Ok(false),
                    Relation::Conflicting if story_vague => Ok(false),
                    Relation::Conflicting => {
                        let severity = if qa.qualifier == Qualifier::Vague
                            || qb.qualifier == Qualifier::Vague
                        {
                            Severity::Info
                        } else if qa.qualifier.is_pointlike() && qb.qualifier.is_pointlike() {
                            Severity::Error
                        } else {
                            Severity::Warning
                        };
                        Err(Finding {
                            from: (i, j),
                            code: rules::Qty001::RULE.code,
                            severity,
                            message: text(&|| {
                                format!(
                                    "conflicting quantities: “{}” ({}) against “{}” ({})",
                                    a.text,
                                    compare::describe_interval(qa, cfg.approx_tolerance),
                                    b.text,
                                    compare::describe_interval(qb, cfg.approx_tolerance)
                                )
                            }),
                        })
                    }
                }
            }
            // The same relative wording ("21 days from now", "on Friday") in two articles
            // published on different days resolves to different days: not a discrepancy.
            (Payload::Date(da), Payload::Date(db))
                if da.relative && db.relative && self.relative_text[i] == self.relative_text[j] =>
            {
                Ok(false)
            }
            // A bare weekday ("on Sunday") is resolved to the last such day before publication;
            // an article published a week or more after the event resolves it a week late. The
            // same weekday is no conflict.
            (Payload::Date(da), Payload::Date(db))
                if (da.bare_weekday || db.bare_weekday) && compare::same_weekday(da, db) =>
            {
                Ok(false)
            }
            // A stated weekday that is not the weekday of the resolved day ("on Tuesday, Feb.
            // 21" resolved into a year where Feb. 21 is a Wednesday): the resolution is wrong.
            (Payload::Date(da), Payload::Date(db))
                if !compare::stated_weekday_consistent(da.weekday, da)
                    || !compare::stated_weekday_consistent(db.weekday, db) =>
            {
                Ok(false)
            }
            (Payload::Date(da), Payload::Date(db)) => match compare::compare_dates(da, db) {
                Relation::Equal | Relation::Compatible => Ok(true),
                Relation::Unknown => Ok(false),
                Relation::Conflicting => {
                    let exact = |d: &align::DateRange| d.granularity == "day" && !d.relative;
                    // "later this year", "next month": relative periods with loose edges.
                    let loose = |d: &align::DateRange| d.granularity != "day" && d.relative;
                    let severity = if exact(da) && exact(db) {
                        Severity::Error
                    } else if loose(da) || loose(db) {
                        Severity::Info
                    } else {
                        Severity::Warning
                    };
                    Err(Finding {
                        from: (i, j),
                        code: rules::Date001::RULE.code,
                        severity,
                        message: text(&|| {
                            format!(
                                "conflicting dates: “{}” ({}) against “{}” ({})",
                                a.text,
                                compare::describe_date(da),
                                b.text,
                                compare::describe_date(db)
                            )
                        }),
                    })
                }
            },
            (Payload::Quote(qa), Payload::Quote(qb)) => {
                // Different speakers count only when both are names the quote's own sentence
                // gives: a speaker resolved from a pronoun, a title or an earlier paragraph
                // (or a word such as "Romanian" taken for a name) may well be wrong.
                let speakers = match (&qa.speaker, &qb.speaker) {
                    (Some(x), Some(y)) => {
                        // `align::context::same_speaker(x, y)`, on the surnames computed once.
                        let same = match (&self.surnames[i], &self.surnames[j]) {
                            (Some(sx), Some(sy)) => Some(align::context::same_surname(sx, sy)),
                            _ => None,
                        };
                        match same {
                            Some(false) if !self.different_speakers(a, x, b, y) => None,
                            other => other,
                        }
                    }
                    _ => None,
                };
                // The same words (a copy's quote, most often): no diff needed.
                if speakers != Some(false) && qa.text == qb.text {
                    return Ok(true);
                }
                let tokens = |k: usize| self.quote_tokens.get(k).and_then(Option::as_ref);
                let diff = match (tokens(i), tokens(j)) {
                    (Some(x), Some(y)) => compare::word_stats(x, y),
                    _ => compare::word_stats(
                        &compare::DiffTokens::new(&qa.text),
                        &compare::DiffTokens::new(&qb.text),
                    ),
                };
                let name =
                    |s: &Option<String>| s.clone().unwrap_or_else(|| "an unknown speaker".into());
                if speakers == Some(false) {
                    return Err(Finding {
                        from: (i, j),
                        code: rules::Quote002::RULE.code,
                        severity: if diff.ratio >= 0.9 {
                            Severity::Error
                        } else {
                            Severity::Warning
                        },
                        message: text(&|| {
                            format!(
                                "the same quote is attributed to {} and to {}",
                                name(&qa.speaker),
                                name(&qb.speaker)
                            )
                        }),
                    });
                }
                if diff.identical {
                    return Ok(true);
                }
                if diff.same_content && !diff.numbers_changed && !diff.negation_changed {
                    // Only tense or function words differ: the same quote.
                    return Ok(true);
                }
                if diff.truncated {
                    return Err(Finding {
                        from: (i, j),
                        code: rules::Quote001::RULE.code,
                        severity: Severity::Info,
                        message: text(&|| {
                            format!(
                                "quote of {} shortened: one version quotes only part of the other",
                                name(&qa.speaker)
                            )
                        }),
                    });
                }
                if diff.numbers_changed || diff.negation_changed {
                    let what = match (diff.numbers_changed, diff.negation_changed) {
                        (true, true) => "a number and a negation",
                        (true, false) => "a number",
                        _ => "a negation",
                    };
                    return Err(Finding {
                        from: (i, j),
                        code: rules::Quote003::RULE.code,
                        severity: Severity::Error,
                        message: text(&|| {
                            format!("{what} changed inside a quote of {}", name(&qa.speaker))
                        }),
                    });
                }
                let (severity, how) = if diff.ratio >= 0.75 {
                    (Severity::Warning, "altered")
                } else {
                    (Severity::Info, "reworded (possibly another translation)")
                };
                Err(Finding {
                    from: (i, j),
                    code: rules::Quote001::RULE.code,
                    severity,
                    message: text(&|| {
                        format!(
                            "quote of {} worded differently: {how}, {:.0}% of words in common",
                            name(&qa.speaker),
                            diff.ratio * 100.0
                        )
                    }),
                })
            }
            _ => Ok(false),
        }
    }

    /// The strings of each claim the report shows: its text, its sentence and its value, written
    /// once per claim however many findings show it, and the sentence once for the claims of one
    /// sentence. Held for the shown claims only, with a slot per claim.
    fn claim_strings(&self, shown: &[bool]) -> ShownStrings {
        use rayon::prelude::*;
        let mut slot = vec![u32::MAX; self.claims.len()];
        let mut listed: Vec<usize> = Vec::new();
        for (i, _) in shown.iter().enumerate().filter(|(_, s)| **s) {
            slot[i] = listed.len() as u32;
            listed.push(i);
        }
        // Claims are sorted by document and offset: the claims of a sentence are neighbours, and
        // only the first of them builds the sentence; the others share it.
        let same_sentence = |k: usize| {
            let (x, y) = (&self.claims[listed[k - 1]], &self.claims[listed[k]]);
            x.doc == y.doc && x.sentence == y.sentence
        };
        let built: Vec<(SharedStr, Option<SharedStr>, SharedStr)> = listed
            .par_iter()
            .enumerate()
            .with_min_len(256)
            .map(|(k, &i)| {
                let c = &self.claims[i];
                let value = match &c.payload {
                    Payload::Quantity(q) => {
                        compare::describe_quantity(q, self.config.approx_tolerance)
                    }
                    Payload::Date(dr) => compare::describe_date(dr),
                    Payload::Quote(q) => match &q.speaker {
                        Some(s) => format!("quote of {s}"),
                        None => "quote (speaker unknown)".to_string(),
                    },
                };
                let context =
                    (k == 0 || !same_sentence(k)).then(|| SharedStr::from(self.sentence(c)));
                (
                    SharedStr::from(c.text.as_str()),
                    context,
                    SharedStr::from(value),
                )
            })
            .collect();
        let mut strings: Vec<ClaimStrings> = Vec::with_capacity(built.len());
        for (text, context, value) in built {
            let context = match context {
                Some(context) => context,
                None => strings
                    .last()
                    .map(|p: &ClaimStrings| p.context.clone())
                    .expect("a claim before"),
            };
            strings.push(ClaimStrings {
                text,
                context,
                value,
            });
        }
        ShownStrings { slot, strings }
    }

    /// Claim `i` as the report shows it, from its [`Builder::claim_strings`].
    fn claim_ref(&self, i: usize, strings: &ShownStrings) -> ClaimRef {
        let c = &self.claims[i];
        let d = c.doc as usize;
        let ClaimStrings {
            text,
            context,
            value,
        } = strings.strings[strings.slot[i] as usize].clone();
        let [id, group, event] = &self.shared[d];
        ClaimRef {
            doc: id.clone(),
            start: c.span.start,
            end: c.span.end,
            text,
            sentence: [c.sentence.start, c.sentence.end],
            context,
            value,
            group: group.clone(),
            event: event.clone(),
            published: self.published[d].clone(),
        }
    }

    /// Compares every pair and works out the discrepancies: which claim of each conflict is
    /// primary, how conflicts are grouped, which one leads each group. No report strings yet.
    fn plan<'p>(&self, pairs: &'p [Pair]) -> Plan<'p> {
        use rayon::prelude::*;

        let n = self.claims.len();
        let mut agree = UnionFind::new(n);
        let mut agree_pairs = Vec::new();
        let mut conflicts: Vec<(&Pair, Finding)> = Vec::new();
        // Every pair is compared on its own, in parallel; the outcomes are read in pair order.
        let outcomes: Vec<std::result::Result<bool, Finding>> = pairs
            .par_iter()
            .with_min_len(256)
            .map(|p| self.compare(p.a, p.b, p, false))
            .collect();
        for (p, outcome) in pairs.iter().zip(outcomes) {
            match outcome {
                Ok(true) => {
                    agree.union(p.a, p.b);
                    agree_pairs.push(p);
                }
                Ok(false) => {}
                Err(f) => conflicts.push((p, f)),
            }
        }
        // Per pair of documents: (agreements, conflicts). Two articles of one "event" that
        // disagree on two or more things and agree on none, or on three or more and agree on
        // fewer, probably describe different events (a clustering error); their findings are
        // demoted to info.
        let doc_pair = |p: &Pair| {
            let (x, y) = (self.claims[p.a].doc, self.claims[p.b].doc);
            (x.min(y), x.max(y))
        };
        let by_docs = DocPairCounts::new(
            agree_pairs.iter().map(|p| doc_pair(p)),
            conflicts.iter().map(|(p, _)| doc_pair(p)),
        );
        // Support of each claim: the independent sources (and documents) of the claim and the
        // claims it directly agrees with. The primary claim of a conflict is the one with less.
        // Worked out once per claim of a conflict, from its agreeing partners.
        let mut partners: Vec<(usize, usize)> = agree_pairs
            .iter()
            .flat_map(|p| [(p.a, p.b), (p.b, p.a)])
            .collect();
        partners.par_sort_unstable();
        let mut in_conflict = vec![false; n];
        for (p, _) in &conflicts {
            in_conflict[p.a] = true;
            in_conflict[p.b] = true;
        }
        let support: Vec<(u32, u32)> = in_conflict
            .par_iter()
            .enumerate()
            .with_min_len(1024)
            .map_init(
                || (Vec::new(), Vec::new()),
                |(groups, docs): &mut (Vec<u32>, Vec<u32>), (i, &wanted)| {
                    if !wanted {
                        return (0, 0);
                    }
                    let lo = partners.partition_point(|e| e.0 < i);
                    let hi = lo + partners[lo..].partition_point(|e| e.0 <= i);
                    groups.clear();
                    docs.clear();
                    groups.push(self.claims[i].source_group);
                    docs.push(self.claims[i].doc);
                    for &(_, j) in &partners[lo..hi] {
                        groups.push(self.claims[j].source_group);
                        docs.push(self.claims[j].doc);
                    }
                    (distinct(groups), distinct(docs))
                },
            )
            .collect();
        drop(in_conflict);
        let support = |i: usize| support[i];
        let component = agree.min_labels();

        // Group conflicting pairs by (primary, code). Which claim is primary, and the finding seen
        // from its side, are worked out in parallel; the groups are filled in conflict order.
        let sided: Vec<(usize, Conflict<'_>)> = conflicts
            .into_par_iter()
            .with_min_len(64)
            .map(|(p, f)| {
                let (key_a, key_b) = (self.key(p.a), self.key(p.b));
                let (sa, sb) = (support(p.a), support(p.b));
                let a_primary = sa < sb || (sa == sb && key_a <= key_b);
                let (primary, other) = if a_primary { (p.a, p.b) } else { (p.b, p.a) };
                // Describe the conflict from the primary claim's side.
                let f = if a_primary {
                    f
                } else {
                    match self.compare(primary, other, p, false) {
                        Err(g) if g.code == f.code => g,
                        _ => f,
                    }
                };
                (primary, (other, p, f))
            })
            .collect();
        // Groups in key order, each in conflict order (a stable sort by key, then runs).
        let mut sided = sided;
        sided.par_sort_by(|(x, cx), (y, cy)| {
            (x, cx.1.level, cx.2.code).cmp(&(y, cy.1.level, cy.2.code))
        });
        let mut grouped: Vec<Group<'_>> = Vec::new();
        for (primary, (other, p, f)) in sided {
            let key = (primary, p.level, f.code);
            match grouped.last_mut() {
                Some((k, list)) if *k == key => list.push((other, p, f)),
                _ => grouped.push((key, vec![(other, p, f)])),
            }
        }
        // In each group, the most severe finding leads (its message describes the first related
        // claim); the others follow by document and offset.
        let groups: Vec<Group<'p>> = grouped
            .into_par_iter()
            .with_min_len(16)
            .map(|(key, mut others)| {
                others.sort_by_key(|x| self.key(x.0));
                let lead = others
                    .iter()
                    .enumerate()
                    .max_by(|(i, x), (j, y)| x.2.severity.cmp(&y.2.severity).then(j.cmp(i)))
                    .map(|(i, _)| i)
                    .unwrap_or(0);
                others.swap(0, lead);
                others[1..].sort_by_key(|x| self.key(x.0));
                (key, others)
            })
            .collect();
        Plan {
            agree_pairs,
            component,
            by_docs,
            groups,
        }
    }

    /// Writes the report from a [`Builder::plan`]; `reasons` are the alignment reasons of each
    /// group's lead pair, in group order.
    fn finish(&self, plan: Plan<'_>, reasons: Vec<Vec<String>>, skipped: &[Skipped]) -> Report {
        use rayon::prelude::*;

        let Plan {
            agree_pairs,
            component,
            by_docs,
            groups,
        } = plan;
        let mut report = Report::default();
        let mut shown = vec![false; self.claims.len()];
        for p in &agree_pairs {
            shown[p.a] = true;
            shown[p.b] = true;
        }
        for ((primary, _, _), others) in &groups {
            shown[*primary] = true;
            for (o, _, _) in others {
                shown[*o] = true;
            }
        }
        let strings = self.claim_strings(&shown);
        drop(shown);
        let strings = &strings;
        // One discrepancy per group, built in parallel, in group order.
        let built: Vec<Discrepancy> = groups
            .into_par_iter()
            .zip(reasons)
            .with_min_len(16)
            .map(|(((primary, level, code), others), reasons)| {
                let pc = &self.claims[primary];
                let (first, pair, finding) = &others[0];
                let fc = &self.claims[*first];
                let mut severity = others
                    .iter()
                    .map(|o| o.2.severity)
                    .max()
                    .unwrap_or(Severity::Info);
                let mut message = match self.compare(finding.from.0, finding.from.1, pair, true) {
                    Err(f) => f.message,
                    Ok(_) => String::new(),
                };
                if others.len() > 1 {
                    message.push_str(&format!(" (and {} more)", others.len() - 1));
                }
                let same_group = others
                    .iter()
                    .any(|(o, _, _)| self.claims[*o].source_group == pc.source_group);
                if same_group {
                    severity = if code == rules::Quote001::RULE.code {
                        severity.max(Severity::Warning)
                    } else {
                        Severity::Error
                    };
                    message.push_str("; in copies of the same article");
                } else if others.iter().all(|(o, _, _)| {
                    let (x, y) = (pc.doc, self.claims[*o].doc);
                    let (agree, conflict) = by_docs.get((x.min(y), x.max(y)));
                    (agree == 0 && conflict >= 2) || (conflict >= 3 && conflict > agree)
                }) {
                    severity = Severity::Info;
                    message.push_str(
                    "; the articles disagree on most things compared: possibly different events",
                );
                } else if level == Level::Story {
                    severity = Severity::Info;
                    let days = match (
                        self.docs[pc.doc as usize].meta.published,
                        self.docs[fc.doc as usize].meta.published,
                    ) {
                        (Some(x), Some(y)) => (x - y).get_days().abs() as i64,
                        _ => 0,
                    };
                    if days >= self.config.change_window_days {
                        severity = Severity::Info;
                        message.push_str(&format!(
                            "; published {days} days apart: possibly a change over time"
                        ));
                    } else {
                        message.push_str(
                            "; across events of the same story (a lead, not necessarily an error)",
                        );
                    }
                }
                let confidence = {
                    let mut c = pair.score;
                    if Self::is_vague(pc) || Self::is_vague(fc) {
                        c *= 0.5;
                    }
                    if let (Payload::Date(x), Payload::Date(y)) = (&pc.payload, &fc.payload) {
                        if x.relative || y.relative {
                            c *= 0.7;
                        }
                    }
                    (c.clamp(0.0, 1.0) * 100.0).round() / 100.0
                };
                let mut claims = vec![self.claim_ref(primary, strings)];
                claims.extend(others.iter().map(|(o, _, _)| self.claim_ref(*o, strings)));
                let diff = match (&pc.payload, &fc.payload) {
                    (Payload::Quote(x), Payload::Quote(y)) => {
                        compare::word_diff(&x.text, &y.text).ops
                    }
                    _ => compare::word_diff(&pc.text, &fc.text).ops,
                };
                let fingerprint = fingerprint(code, &claims);
                Discrepancy {
                    code,
                    kind: pc.kind(),
                    severity,
                    confidence,
                    message,
                    level,
                    event: (level == Level::Event)
                        .then(|| self.labels.event[pc.doc as usize].clone()),
                    story: self.labels.story[pc.doc as usize].clone(),
                    claims,
                    diff,
                    alignment: AlignmentInfo {
                        score: (pair.score * 1000.0).round() / 1000.0,
                        reasons,
                    },
                    fingerprint,
                }
            })
            .collect();
        // Equal fingerprints (in group order) get a suffix: `#2`, `#3`, ...
        let mut seen_fp: BTreeMap<String, usize> = BTreeMap::new();
        for mut d in built {
            let dup = seen_fp.entry(d.fingerprint.clone()).or_insert(0);
            *dup += 1;
            if *dup > 1 {
                d.fingerprint = format!(
                    "{:016x}",
                    xxh3_64(format!("{}#{dup}", d.fingerprint).as_bytes())
                );
            }
            report.discrepancies.push(d);
        }

        // Agreements: components of agreeing pairs.
        // Members in component order, each in pair order (a stable sort by component).
        let mut members: Vec<(u32, u32)> = agree_pairs
            .iter()
            .flat_map(|p| [(component[p.a], p.a as u32), (component[p.a], p.b as u32)])
            .collect();
        members.par_sort_by_key(|&(k, _)| k);
        let by_component: Vec<Vec<usize>> = members
            .chunk_by(|x, y| x.0 == y.0)
            .map(|run| run.iter().map(|&(_, i)| i as usize).collect())
            .collect();
        drop(members);
        let agreements: Vec<Agreement> = by_component
            .into_par_iter()
            .with_min_len(64)
            .map(|mut members| {
                members.sort_by_key(|&x| self.key(x));
                members.dedup();
                let c0 = &self.claims[members[0]];
                let level = if members.iter().all(|&i| self.claims[i].event == c0.event) {
                    Level::Event
                } else {
                    Level::Story
                };
                let mut groups: Vec<u32> = members
                    .iter()
                    .map(|&i| self.claims[i].source_group)
                    .collect();
                let mut docs: Vec<u32> = members.iter().map(|&i| self.claims[i].doc).collect();
                let (groups, docs) = (distinct(&mut groups), distinct(&mut docs));
                let claims: Vec<ClaimRef> = members
                    .iter()
                    .map(|&i| self.claim_ref(i, strings))
                    .collect();
                Agreement {
                    kind: c0.kind(),
                    level,
                    event: (level == Level::Event)
                        .then(|| self.labels.event[c0.doc as usize].clone()),
                    story: self.labels.story[c0.doc as usize].clone(),
                    value: claims[0].value.to_string(),
                    sources: groups as usize,
                    documents: docs as usize,
                    claims,
                }
            })
            .collect();
        report.agreements = agreements;

        // Documents and events.
        let mut events: BTreeMap<&str, (String, Vec<String>)> = BTreeMap::new();
        for (d, doc) in self.docs.iter().enumerate() {
            report.documents.push(DocEntry {
                id: doc.meta.id.clone(),
                title: doc.meta.title.clone(),
                source: doc.meta.source.clone(),
                published: self.published[d].as_ref().map(|p| p.to_string()),
                group: self.labels.group[d].clone(),
                event: self.labels.event[d].clone(),
                story: self.labels.story[d].clone(),
            });
            let e = events
                .entry(self.labels.event[d].as_str())
                .or_insert_with(|| (self.labels.story[d].clone(), Vec::new()));
            e.1.push(doc.meta.id.clone());
        }
        for (id, (story, mut documents)) in events {
            documents.sort_by(|a, b| crate::report::natural_cmp(a, b));
            report.events.push(EventEntry {
                id: id.to_string(),
                story,
                documents,
            });
        }
        report.skipped = skipped
            .iter()
            .map(|s| SkippedEntry {
                at: s.at.to_string(),
                problem: s.problem.to_string(),
            })
            .collect();
        report.sort();
        report
    }
}

/// The number of distinct values in `values` (which it sorts).
fn distinct(values: &mut [u32]) -> u32 {
    values.sort_unstable();
    values.chunk_by(|a, b| a == b).count() as u32
}

/// Per pair of documents `(x, y)`, `x <= y`: the numbers of agreeing and of conflicting claim
/// pairs between them, in a sorted list.
struct DocPairCounts(Vec<((u32, u32), (usize, usize))>);

impl DocPairCounts {
    fn new(
        agree: impl Iterator<Item = (u32, u32)>,
        conflict: impl Iterator<Item = (u32, u32)>,
    ) -> DocPairCounts {
        use rayon::prelude::*;
        let mut all: Vec<((u32, u32), bool)> = agree
            .map(|d| (d, false))
            .chain(conflict.map(|d| (d, true)))
            .collect();
        all.par_sort_unstable();
        let counts = all
            .chunk_by(|x, y| x.0 == y.0)
            .map(|run| {
                let conflicts = run.iter().filter(|e| e.1).count();
                (run[0].0, (run.len() - conflicts, conflicts))
            })
            .collect();
        DocPairCounts(counts)
    }

    /// (agreements, conflicts) of documents `pair`; zeros for a pair never compared.
    fn get(&self, pair: (u32, u32)) -> (usize, usize) {
        match self.0.binary_search_by_key(&pair, |e| e.0) {
            Ok(k) => self.0[k].1,
            Err(_) => (0, 0),
        }
    }
}

/// True when `word` occurs in `text` as a whole word.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The fingerprint of a finding: xxh3 of the code and the sorted (document id, normalized claim
/// text) of its claims, as 16 hex digits.
///
/// ```
/// use crosscheck::check::fingerprint;
/// use crosscheck::report::ClaimRef;
///
/// let c = |doc: &str, text: &str, start| ClaimRef {
///     doc: doc.into(), start, end: start + text.len(), text: text.into(), sentence: [0, 0],
///     context: "".into(), value: "".into(), group: doc.into(), event: "e0".into(), published: None,
/// };
/// let a = fingerprint("QTY001", &[c("x", "50,000 troops", 10), c("y", "5,000 troops", 99)]);
/// let b = fingerprint("QTY001", &[c("y", "5,000  troops", 7), c("x", "50,000 troops", 0)]);
/// assert_eq!(a, b);
/// assert_eq!(a.len(), 16);
/// ```
pub fn fingerprint(code: &str, claims: &[ClaimRef]) -> String {
    let mut keys: Vec<(&str, String)> = claims
        .iter()
        .map(|c| (c.doc.as_str(), text::normalize(&c.text)))
        .collect();
    keys.sort();
    let mut buf = String::from(code);
    for (doc, t) in keys {
        buf.push('\u{1f}');
        buf.push_str(doc);
        buf.push('\u{1e}');
        buf.push_str(&t);
    }
    format!("{:016x}", xxh3_64(buf.as_bytes()))
}

/// The kinds of claims the check compares.
pub const KINDS: &[ClaimKind] = &[ClaimKind::Quantity, ClaimKind::Date, ClaimKind::Quote];

#[cfg(test)]
mod tests;

/// Labels from the near-duplicate stage alone: each document's dedup group (stable group ids
/// from [`crate::dedup`]), all documents in one event and one story. Used when no event
/// clustering is given.
///
/// ```
/// use crosscheck::Document;
///
/// let text = "Russian President Vladimir Putin on Friday said that any Western military forces \
///     deployed in Ukraine would be legitimate targets, speaking at a forum in Vladivostok.";
/// let docs = [Document::new("wire", text), Document::new("copy", text), Document::new("other", "Rain.")];
/// let labels = crosscheck::check::labels_from_dedup(&docs)?;
/// assert_eq!(labels.group[0], labels.group[1]);
/// assert_ne!(labels.group[0], labels.group[2]);
/// # Ok::<(), crosscheck::Error>(())
/// ```
pub fn labels_from_dedup(docs: &[Document]) -> Result<Labels> {
    let dedup = crate::dedup::Dedup::builder().build()?.run(docs);
    let group = (0..docs.len() as u32)
        .map(|i| dedup.groups()[dedup.group_of(i)].id.to_string())
        .collect();
    Ok(Labels {
        group,
        event: vec!["e0".to_string(); docs.len()],
        story: vec!["s0".to_string(); docs.len()],
    })
}
